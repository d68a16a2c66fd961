package dev.yubin.protocol.sasl;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Users with passwords; SCRAM verifiers derived with PBKDF2 as the application does. */
final class TestAuthenticator implements SaslAuthenticator {

  private final Map<String, String> passwords = new HashMap<>();
  private final Map<String, ScramCredentials> scram = new HashMap<>();
  final List<String> calls = new ArrayList<>();

  TestAuthenticator user(String name, String password, byte[] salt, int iterations) {
    passwords.put(name, password);
    scram.put(
        name,
        ScramCredentials.fromSaltedPassword(salt, iterations, pbkdf2(password, salt, iterations)));
    return this;
  }

  static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public AuthResult authenticate(String authorizationId, String user, String password) {
    calls.add("authenticate " + authorizationId + " " + user + " " + password);
    if (authorizationId != null && !authorizationId.equals(user)) {
      return AuthResult.rejected();
    }
    return password.equals(passwords.get(user)) ? AuthResult.accepted(user) : AuthResult.rejected();
  }

  @Override
  public ScramCredentials scramCredentials(String user) {
    calls.add("scram " + user);
    return scram.get(user);
  }
}
