import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs square PNGs (named {@code <size>.png} in one folder) into a Windows .ico and a macOS .icns.
 * Both formats accept PNG payloads, so no re-encoding happens here; no converter is needed on Windows or macOS.
 * Run with a plain JDK: {@code java IconPack.java <png-folder> <out.ico> <out.icns>}.
 */
public final class IconPack {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java IconPack.java <png-folder> <out.ico> <out.icns>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.write(Path.of(args[1]), ico(dir, List.of(16, 24, 32, 48, 64, 256)));
        // ICNS element types with PNG payloads (Apple's "icns" type codes), in size order.
        Map<String, Integer> icns = new LinkedHashMap<>();
        icns.put("icp4", 16);
        icns.put("ic11", 32);   // 16@2x
        icns.put("icp5", 32);
        icns.put("ic12", 64);   // 32@2x
        icns.put("icp6", 64);
        icns.put("ic07", 128);
        icns.put("ic13", 256);  // 128@2x
        icns.put("ic08", 256);
        icns.put("ic14", 512);  // 256@2x
        icns.put("ic09", 512);
        icns.put("ic10", 1024); // 512@2x
        Files.write(Path.of(args[2]), icns(dir, icns));
    }

    private static byte[] png(Path dir, int size) throws IOException {
        byte[] data = Files.readAllBytes(dir.resolve(size + ".png"));
        if (data.length < 8 || data[1] != 'P' || data[2] != 'N' || data[3] != 'G') {
            throw new IOException(size + ".png is not a PNG");
        }
        return data;
    }

    /** ICONDIR + ICONDIRENTRY[n] (little endian), then the PNG images. */
    static byte[] ico(Path dir, List<Integer> sizes) throws IOException {
        byte[][] images = new byte[sizes.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = png(dir, sizes.get(i));
        }
        int headerLength = 6 + 16 * images.length;
        int total = headerLength;
        for (byte[] image : images) {
            total += image.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) images.length);
        int offset = headerLength;
        for (int i = 0; i < images.length; i++) {
            int size = sizes.get(i);
            out.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            out.put((byte) 0).put((byte) 0);                 // no palette, reserved
            out.putShort((short) 1).putShort((short) 32);     // colour planes, bits per pixel
            out.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            out.put(image);
        }
        return out.array();
    }

    /** 'icns' + total length, then (type, length incl. 8-byte header, PNG) per element; big endian. */
    static byte[] icns(Path dir, Map<String, Integer> elements) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, Integer> element : elements.entrySet()) {
            byte[] image = png(dir, element.getValue());
            data.writeBytes(element.getKey());
            data.writeInt(8 + image.length);
            data.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("icns");
        out.writeInt(8 + body.size());
        body.writeTo(out);
        return file.toByteArray();
    }
}
