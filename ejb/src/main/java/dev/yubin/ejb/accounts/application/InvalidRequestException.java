package dev.yubin.ejb.accounts.application;

import jakarta.ejb.ApplicationException;

/**
 * A request the application refuses (bad name, duplicate, unknown account): reaches the caller as
 * itself, not wrapped as a system failure, and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
