package dev.vigil.control;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The ways a response body is framed on the connection. */
final class BodyStreams {
  private BodyStreams() {}

  /** A body of a declared length: writing more fails, closing short leaves the body unfinished. */
  static final class Fixed extends FilterOutputStream {
    private long left;

    Fixed(OutputStream out, long length) {
      super(out);
      this.left = length;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("response body longer than its declared length");
      }
      out.write(b, off, len);
      left -= len;
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }

    boolean finished() {
      return left == 0;
    }
  }

  /** A chunked body: each write is one chunk; closing writes the last, empty one. */
  static final class Chunked extends FilterOutputStream {
    Chunked(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b, off, len);
      out.write('\r');
      out.write('\n');
    }

    @Override
    public void close() throws IOException {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  /** A body that ends when the connection does (an HTTP/1.0 client); discards nothing. */
  static final class UntilClose extends FilterOutputStream {
    UntilClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** No body (HEAD, or a length of -1): anything written is dropped. */
  static final class None extends OutputStream {
    @Override
    public void write(int b) {
      // a HEAD answer has no body
    }
  }
}
