package dev.yubin.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** A script's connection to an engine session, with a {@link RecordingOutput} as its transport. */
final class EngineConnection implements DialogueScript.Connection {

  private final ProtocolSession session;
  private final RecordingOutput out = new RecordingOutput();

  EngineConnection(ProtocolSession session) {
    this.session = session;
    session.open(out);
  }

  @Override
  public void send(String where, byte[] data) {
    assertThat(out.takeTlsRequest()).as(where + "unexpected TLS start").isFalse();
    assertThat(out.takeCompressionRequest()).as(where + "unexpected compression").isFalse();
    assertThat(out.isClosed()).as(where + "client sends after server closed").isFalse();
    session.receive(data, 0, data.length, out);
  }

  @Override
  public List<String> arrived() {
    return out.takeLines();
  }

  @Override
  public String next() {
    return null; // the engine has answered all it will before receive() returned
  }

  @Override
  public void expectClosed(String where) {
    assertThat(out.isClosed()).as(where + "server closed the connection").isTrue();
    session.closed();
  }

  @Override
  public void startTls(String where) {
    assertThat(out.takeTlsRequest()).as(where + "server started TLS").isTrue();
  }

  @Override
  public void startCompression(String where) {
    assertThat(out.takeCompressionRequest()).as(where + "server started compression").isTrue();
  }

  @Override
  public void idle(String where) {
    session.idle(out);
  }

  @Override
  public void wake(String where) {
    session.wake(out);
  }

  @Override
  public void disconnect() {
    session.closed();
    out.close();
  }

  @Override
  public void finish() {
    if (!out.isClosed()) {
      session.closed();
    }
  }
}
