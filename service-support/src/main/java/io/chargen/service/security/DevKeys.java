package io.chargen.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * The development signing key of {@code ./chargen up} and {@code ./chargen token} (issue 12): an ES256 (P-256) key
 * pair created once in a git-ignored folder of the checkout ({@value #DIRECTORY}) and shared by both commands, so a
 * token printed by one is accepted by the system the other runs. The private key stays in the folder (owner-only
 * permissions); services get only the public key, through {@link #serviceEnvironment}. Production never uses this:
 * its verification key comes from a Kubernetes Secret, its tokens from the operator's issuer.
 *
 * @param signingKeyPem the PKCS#8 PEM private key, for {@link TokenIssuer} (the key file holds it and the public key)
 * @param verificationKey the file holding the PEM public key, for the services
 */
public record DevKeys(String signingKeyPem, Path verificationKey) {
  /** The folder under the checkout (listed in .gitignore). */
  public static final String DIRECTORY = ".chargen";
  /** The private key's file name. */
  public static final String SIGNING_KEY_FILE = "dev-signing-key.pem";
  /** The public key's file name. */
  public static final String VERIFICATION_KEY_FILE = "dev-verification-key.pem";
  /** The JWS algorithm of the key pair. */
  public static final String ALGORITHM = "ES256";
  private static final int PEM_LINE = 64;
  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  /**
   * Loads the key pair from {@code dir}, creating it first if absent. Safe when two processes start at once: the
   * key file (private and public PEM blocks) appears whole or not at all and the first one written wins; the public
   * key file is derived from it, so every writer writes the same content.
   *
   * @param dir the folder, e.g. {@code <checkout>/.chargen}
   * @return the keys
   * @throws UncheckedIOException naming the folder when it cannot be read or written
   */
  public static DevKeys createOrLoad(Path dir) {
    Path signing = dir.resolve(SIGNING_KEY_FILE);
    Path verification = dir.resolve(VERIFICATION_KEY_FILE);
    try {
      Files.createDirectories(dir);
      if (!Files.exists(signing)) {
        publish(signing, newKeyFile(), true);
      }
      String keys = Files.readString(signing, StandardCharsets.US_ASCII);
      String publicKey = block(keys, PUBLIC);
      if (!Files.exists(verification) || !Files.readString(verification, StandardCharsets.US_ASCII).equals(publicKey)) {
        publish(verification, publicKey, false);
      }
      return new DevKeys(block(keys, PRIVATE), verification);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or read the development key in " + dir.toAbsolutePath(), e);
    }
  }

  /**
   * @return what a service needs to verify tokens signed with this key: {@link AuthConfig#PUBLIC_KEY} (the public
   *     key's path) and {@link AuthConfig#ALGORITHM}
   */
  public Map<String, String> serviceEnvironment() {
    return Map.of(AuthConfig.PUBLIC_KEY, verificationKey.toAbsolutePath().toString(), AuthConfig.ALGORITHM, ALGORITHM);
  }

  private static String newKeyFile() {
    KeyPair pair = generate();
    return pem(PRIVATE, pair.getPrivate().getEncoded()) + pem(PUBLIC, pair.getPublic().getEncoded());
  }

  /**
   * Writes aside, then links into place: the link fails if another process published first (its key stands); a
   * public key file, derived and identical for every writer, is moved over instead.
   */
  private static void publish(Path target, String content, boolean secret) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      if (secret && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, content, StandardCharsets.US_ASCII);
      if (secret) {
        Files.createLink(target, temp);
      } else {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (FileAlreadyExistsException e) {
      // another process created the key first; it stands
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String block(String pems, String type) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----\n";
    int from = pems.indexOf(begin);
    int to = pems.indexOf(end, Math.max(from, 0));
    if (from < 0 || to < 0) {
      throw new IllegalStateException("the development key file has no " + type + " block: delete the "
          + DIRECTORY + " folder to create a new key");
    }
    return pems.substring(from, to + end.length());
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 17 platform has EC on P-256", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(PEM_LINE, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
