package io.certgate.server.binding.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One organisation's users as the CA用户管理 listing sees them, at one {@code listing_version}: ids in
 * the listing's (id) order, with the two names the 用户名称 filter matches and whether each user holds
 * a binding. Immutable, so any number of requests read it at once.
 *
 * <p>The filter is the SQL path's {@code display_name LIKE '%t%' OR username LIKE '%t%'} with every
 * {@code %}, {@code _} and {@code \} of {@code t} escaped ({@link UserPages#contains}): a literal,
 * case-sensitive substring test on both PostgreSQL and H2, which is {@link String#contains} on the
 * stripped text. Scanning 100,000 pairs of short strings in memory costs about a millisecond; the
 * database reads the organisation's 100,000 index entries for it (≈ 16–24 ms of CPU).
 */
final class UserIndex {
  private final long version;
  private final long[] ids;
  private final String[] names;
  private final String[] usernames;
  private final BitSet bound;

  private UserIndex(long version, long[] ids, String[] names, String[] usernames, BitSet bound) {
    this.version = version;
    this.ids = ids;
    this.names = names;
    this.usernames = usernames;
    this.bound = bound;
  }

  /** The listing version the index was read at. */
  long version() {
    return version;
  }

  /** How many users the index holds (its weight against the memory bound). */
  int size() {
    return ids.length;
  }

  /**
   * The page's ids and the total, exactly as {@link UserPages}' SQL gives them.
   *
   * @param name the typed-in 用户名称, or null/blank for none
   * @param bound 已绑定 (true), 未绑定 (false) or either (null)
   */
  UserPages.Ids find(@Nullable String name, @Nullable Boolean bound, int page, int size) {
    long offset = (long) (page - 1) * size;
    boolean named = name != null && !name.isBlank();
    if (!named && bound == null) {
      return new UserPages.Ids(ids.length, slice(offset, size));
    }
    String text = named ? name.strip() : "";
    List<Long> out = new ArrayList<>(size);
    long total = 0;
    for (int i = 0; i < ids.length; i++) {
      if (bound != null && this.bound.get(i) != bound) {
        continue;
      }
      if (named && !names[i].contains(text) && !usernames[i].contains(text)) {
        continue;
      }
      if (total >= offset && out.size() < size) {
        out.add(ids[i]);
      }
      total++;
    }
    return new UserPages.Ids(total, out);
  }

  private List<Long> slice(long offset, int size) {
    if (offset >= ids.length) {
      return List.of();
    }
    int from = (int) offset;
    int to = Math.min(ids.length, from + size);
    List<Long> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(ids[i]);
    }
    return out;
  }

  /** Collects the rows of one load; the users must come in ascending id order. */
  static final class Builder {
    private final long version;
    private long[] ids = new long[1024];
    private final List<String> names = new ArrayList<>();
    private final List<String> usernames = new ArrayList<>();
    private final BitSet bound = new BitSet();
    private int size;

    Builder(long version) {
      this.version = version;
    }

    void user(long id, String name, String username) {
      if (size > 0 && id <= ids[size - 1]) {
        throw new IllegalStateException("users must come in ascending id order");
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size++] = id;
      names.add(name);
      usernames.add(username);
    }

    /** Marks a user already added as holding a binding; ids of other users are ignored. */
    void bound(long id) {
      int at = Arrays.binarySearch(ids, 0, size, id);
      if (at >= 0) {
        bound.set(at);
      }
    }

    UserIndex build() {
      return new UserIndex(
          version,
          Arrays.copyOf(ids, size),
          names.toArray(String[]::new),
          usernames.toArray(String[]::new),
          (BitSet) bound.clone());
    }
  }
}
