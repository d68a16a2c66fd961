package dev.yubin.ejb.mailbox.infrastructure;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.ejb.mailbox.application.ContentFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobFilesTest {

  @TempDir Path data;

  private final BlobFiles files = new BlobFiles();

  @BeforeEach
  void open() {
    files.open(data);
  }

  private ContentFiles.Stored store(String content) throws IOException {
    Path source = Files.writeString(data.resolve("source"), content, US_ASCII);
    return files.store(new byte[0], source, 0);
  }

  @Test
  void aRangeReadsItsOctetsOnly() throws IOException {
    ContentFiles.Stored stored = store("0123456789");

    try (InputStream range = files.open(stored.path(), 2, 3)) {
      assertThat(new String(range.readAllBytes(), US_ASCII)).isEqualTo("234");
    }
  }

  /**
   * A range's available() counts nothing past its end: readers take a positive answer for more to
   * come (Netty's ChunkedStream waited forever for the rest of the file).
   */
  @Test
  void aRangeCountsNothingPastItsEndAsAvailable() throws IOException {
    ContentFiles.Stored stored = store("0123456789");

    try (InputStream range = files.open(stored.path(), 2, 3)) {
      assertThat(range.available()).isBetween(0, 3);
      assertThat(range.readNBytes(3)).hasSize(3);
      assertThat(range.available()).isZero();
      assertThat(range.read()).isEqualTo(-1);
    }
  }

  @Test
  void aRangeOpensItsFileAtTheFirstRead() throws IOException {
    ContentFiles.Stored stored = store("Subject: y\r\n\r\nLazy.\r\n");

    InputStream range = files.open(stored.path(), 0, stored.size());
    Files.delete(data.resolve(stored.path()));

    assertThatThrownBy(range::read).isInstanceOf(NoSuchFileException.class);
    range.close();
  }

  @Test
  void aMissingFileIsRefusedWhenTheRangeIsAskedFor() throws IOException {
    ContentFiles.Stored stored = store("Subject: z\r\n\r\nGone.\r\n");
    Files.delete(data.resolve(stored.path()));

    assertThatThrownBy(() -> files.open(stored.path(), 0, stored.size()))
        .isInstanceOf(NoSuchFileException.class);
  }
}
