package io.leaddesk.live;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Enumeration;

/** Whether there is a network to reach Meta through; auto-sync pauses while there is none. */
@FunctionalInterface
public interface NetworkCheck {
    boolean online();

    /** Always online (a Graph API on this computer, such as the demo's sample server, needs no network). */
    NetworkCheck ALWAYS = () -> true;

    /**
     * For a Graph API at {@code baseUrl}: on this computer always online, else online while some network interface
     * other than loopback is up (a laptop with Wi-Fi off, a cable pulled).
     */
    static NetworkCheck forGraph(String baseUrl) {
        String host;
        try {
            host = URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"))) {
            return ALWAYS;
        }
        return NetworkCheck::anyInterfaceUp;
    }

    private static boolean anyInterfaceUp() {
        try {
            Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            if (all == null) {
                return false;
            }
            while (all.hasMoreElements()) {
                NetworkInterface n = all.nextElement();
                if (n.isUp() && !n.isLoopback()) {
                    for (Enumeration<InetAddress> a = n.getInetAddresses(); a.hasMoreElements(); ) {
                        if (!a.nextElement().isLinkLocalAddress()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (SocketException e) {
            return true; // cannot tell: let the round find out
        }
    }
}
