package io.leaddesk.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that misbehaves below HTTP: it accepts connections and then either never answers
 * ({@link Mode#SILENT}) or answers 200 with a chunked body that never ends ({@link Mode#ENDLESS}).
 */
final class RawHttpServer implements AutoCloseable {
    enum Mode { SILENT, ENDLESS }

    private final ServerSocket socket;
    private final Mode mode;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();
    private final Thread acceptor;

    RawHttpServer(Mode mode) throws IOException {
        this.mode = mode;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-http-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    int accepted() {
        return accepted.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                accepted.incrementAndGet();
                open.add(s);
                if (mode == Mode.ENDLESS) {
                    Thread t = new Thread(() -> endless(s), "raw-http-body");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void endless(Socket s) {
        try (s) {
            readRequestHead(s.getInputStream());
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] data = ("{\"data\":[" + "{\"id\":\"1\"},".repeat(6_000)).getBytes(StandardCharsets.US_ASCII);
            byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\r\n".getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(head);
                out.write(data);
                out.write(tail);
                bytesSent.addAndGet(data.length);
            }
        } catch (IOException e) {
            // the client hung up: what it should do
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            state = switch (state) {
                case 0 -> b == '\r' ? 1 : 0;
                case 1 -> b == '\n' ? 2 : 0;
                case 2 -> b == '\r' ? 3 : 0;
                default -> b == '\n' ? 4 : 0;
            };
            if (state == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
