package dev.yubin.ejb.mailbox.application;

import java.util.ArrayList;
import java.util.List;

/** The first store in memory. */
class FakeLegacyMessages implements LegacyMessages {

  final List<Legacy> rows = new ArrayList<>();
  boolean finished;
  int reconciled;

  void add(long id, String owner, String key, String path, long size, java.time.OffsetDateTime at) {
    rows.add(new Legacy(id, owner, key, path, size, at));
  }

  @Override
  public boolean finished() {
    return finished;
  }

  @Override
  public void reconcile() {
    reconciled++;
  }

  @Override
  public List<Legacy> after(long afterId, int limit) {
    return rows.stream().filter(r -> r.id() > afterId).limit(limit).toList();
  }

  @Override
  public void remove(Legacy message) {
    rows.remove(message);
  }

  @Override
  public void markFinished() {
    finished = true;
  }
}
