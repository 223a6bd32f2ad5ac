package com.acme.compat.privacy;

import com.acme.scenarios.Pace;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leaks credentials: keys and values that contain a distinctive secret, in a HashMap and a
 * ConcurrentHashMap, through put, putIfAbsent, computeIfAbsent and merge. The secret is never printed
 * by the program itself.
 *
 * <p>Arguments: seconds to leak for.
 */
public final class SecretLeak {

    /** Assembled at run time, so that the class file holds no copy of the whole secret either. */
    static final String SECRET = String.join("-", "s3cr3t", "Kiwi", "7Q9Z");

    /** A value whose {@code toString()} is the secret too. */
    static final class Credential {
        private final String password;

        Credential(String password) {
            this.password = password;
        }

        @Override
        public String toString() {
            return password;
        }

        @Override
        public int hashCode() {
            return password.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Credential c && c.password.equals(password);
        }
    }

    private final Map<String, Credential> byUser = new HashMap<>();
    private final Map<Credential, String> byPassword = new ConcurrentHashMap<>();

    void remember(long i) {
        String user = SECRET + "-user-" + i;
        Credential password = new Credential(SECRET + "-password-" + i);
        byUser.put(user, password);
        byUser.putIfAbsent(user + "-alias", password);
        byPassword.computeIfAbsent(password, p -> user);
        byPassword.merge(new Credential(user), SECRET, (a, b) -> a + b);
    }

    public static void main(String[] args) {
        SecretLeak leak = Pace.keepUntilExit(new SecretLeak());
        long n = Pace.run(Double.parseDouble(args[0]), 1000, leak::remember);
        System.out.println("secret leak done calls=" + n + " entries=" + (leak.byUser.size() + leak.byPassword.size()));
    }
}
