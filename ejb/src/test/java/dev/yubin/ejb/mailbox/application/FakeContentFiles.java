package dev.yubin.ejb.mailbox.application;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Content files in memory, by path; reading or moving a chosen path can be made to fail. */
class FakeContentFiles implements ContentFiles {

  private final Map<String, byte[]> files = new TreeMap<>();
  private final List<String> deleted = new ArrayList<>();
  private String unreadable;
  private String unmovable;
  private int next = 1;
  int reads;

  /** Puts a file as an earlier run would have left it. */
  void put(String path, String content) {
    put(path, content.getBytes(StandardCharsets.UTF_8));
  }

  void put(String path, byte[] content) {
    files.put(path, content);
  }

  @Override
  public boolean exists(String path) {
    return files.containsKey(path);
  }

  @Override
  public List<String> scan() {
    return files.keySet().stream().filter(p -> p.startsWith("blobs/")).toList();
  }

  @Override
  public void setAside(String path) throws IOException {
    if (path.equals(unmovable)) {
      throw new IOException("simulated failure to move " + path);
    }
    byte[] content = read(path);
    files.remove(path);
    files.put("lost+found/" + path.substring(path.lastIndexOf('/') + 1), content);
  }

  List<String> paths() {
    return List.copyOf(files.keySet());
  }

  List<String> deletedPaths() {
    return List.copyOf(deleted);
  }

  void failOn(String path) {
    unreadable = path;
  }

  void failToMove(String path) {
    unmovable = path;
  }

  @Override
  public Stored store(byte[] prefix, Path source, long offset) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(prefix);
    byte[] body = Files.readAllBytes(source);
    out.write(body, (int) offset, body.length - (int) offset);
    String key = "K" + next++;
    String path = "blobs/00/" + key;
    files.put(path, out.toByteArray());
    return new Stored(key, path, out.size());
  }

  @Override
  public InputStream open(String path, long offset, long length) throws IOException {
    byte[] all = read(path);
    int from = (int) Math.min(offset, all.length);
    int to = (int) Math.min(all.length, from + Math.min(length, Integer.MAX_VALUE));
    return new ByteArrayInputStream(Arrays.copyOfRange(all, from, to));
  }

  @Override
  public InputStream open(String path) throws IOException {
    return new ByteArrayInputStream(read(path));
  }

  @Override
  public boolean delete(String path) {
    deleted.add(path);
    return files.remove(path) != null;
  }

  private byte[] read(String path) throws IOException {
    reads++;
    if (path.equals(unreadable)) {
      throw new IOException("simulated read failure of " + path);
    }
    byte[] content = files.get(path);
    if (content == null) {
      throw new NoSuchFileException(path);
    }
    return content;
  }
}
