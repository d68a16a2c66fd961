package dev.yubin.ejb.mailbox.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A mailbox name an account subscribed to; the mailbox need not exist (RFC 3501 §6.3.6). */
@Entity
@Table(name = "subscription")
@IdClass(Subscription.Key.class)
public class Subscription {

  /** The primary key (a plain class: JPA sets its fields). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String owner;
    private String name;

    public Key() {}

    public Key(String owner, String name) {
      this.owner = owner;
      this.name = name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && java.util.Objects.equals(owner, key.owner)
          && java.util.Objects.equals(name, key.name);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(owner, name);
    }
  }

  @Id
  @Column(length = 320)
  private String owner;

  @Id
  @Column(length = 1024)
  private String name;

  protected Subscription() {}

  public Subscription(String owner, String name) {
    this.owner = owner;
    this.name = name;
  }

  public String getName() {
    return name;
  }
}
