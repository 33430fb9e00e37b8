package io.descent.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separate network hosts on this machine: one Linux network namespace per host, each with its
 * own address on a private bridge (in a namespace of its own, so neither this machine's
 * network nor any other host is reachable from them, and they have no default route), made
 * with iproute2. Processes started through {@link #command} run on that host. The file system
 * stays shared, as with a network file system. {@link #close} removes the namespaces, the
 * bridge and the links; namespaces left by a test JVM that died are removed by the next one.
 */
final class NetworkHosts implements Placement, AutoCloseable {
  private static final String PREFIX = "descentit";
  private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)-\\w+");
  private static final String SUBNET = "10.201.7.";

  private final String tag;
  private final Map<String, String> addresses = new LinkedHashMap<>();
  private final List<String> namespaces = new ArrayList<>();

  private NetworkHosts(String tag) {
    this.tag = tag;
  }

  /** Creates the hosts, or throws {@link Unavailable} (with iproute2's message) where it cannot. */
  static NetworkHosts create(List<String> hosts) throws IOException, InterruptedException {
    removeLeftovers();
    NetworkHosts net = new NetworkHosts(PREFIX + ProcessHandle.current().pid());
    String hub = net.tag + "-hub";
    Result first = ip("netns", "add", hub);
    if (first.code != 0) {
      throw new Unavailable("ip netns add failed (exit " + first.code + "): " + first.output.trim());
    }
    net.namespaces.add(hub);
    try {
      net.check(ip("-n", hub, "link", "add", "br0", "type", "bridge"));
      net.check(ip("-n", hub, "link", "set", "br0", "up"));
      for (int i = 0; i < hosts.size(); i++) {
        String host = hosts.get(i);
        String ns = net.tag + "-" + host;
        String address = SUBNET + (i + 2);
        net.check(ip("netns", "add", ns));
        net.namespaces.add(ns);
        net.check(ip("-n", ns, "link", "set", "lo", "up"));
        // One end on the bridge, the other (eth0) in the host's namespace.
        net.check(ip("-n", hub, "link", "add", "port" + i, "type", "veth", "peer", "name", "eth0",
            "netns", ns));
        net.check(ip("-n", hub, "link", "set", "port" + i, "master", "br0", "up"));
        net.check(ip("-n", ns, "addr", "add", address + "/24", "dev", "eth0"));
        net.check(ip("-n", ns, "link", "set", "eth0", "up"));
        net.addresses.put(host, address);
      }
    } catch (IOException | RuntimeException e) {
      net.close();
      throw e;
    }
    return net;
  }

  @Override
  public String address(String host) {
    String a = addresses.get(host);
    if (a == null) {
      throw new IllegalArgumentException("no host " + host);
    }
    return a;
  }

  /** {@code command} run on {@code host}: {@code ip netns exec <its namespace> command...}. */
  @Override
  public List<String> command(String host, List<String> command) {
    address(host);
    List<String> out = new ArrayList<>(List.of("ip", "netns", "exec", tag + "-" + host));
    out.addAll(command);
    return out;
  }

  /** The routes of a host, one a line (the test shows there is no way out of the bridge). */
  String routes(String host) throws IOException, InterruptedException {
    return ip("-n", tag + "-" + host, "route", "show").output;
  }

  /** Kills what still runs in the namespaces, then removes them (and with them links and bridge). */
  @Override
  public void close() {
    for (String ns : namespaces) {
      remove(ns);
    }
    namespaces.clear();
  }

  private static void remove(String ns) {
    try {
      for (String pid : ip("netns", "pids", ns).output.trim().split("\\s+")) {
        if (!pid.isEmpty()) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
      ip("netns", "del", ns);
    } catch (IOException | RuntimeException e) {
      System.err.println("warning: could not remove network namespace " + ns + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Namespaces of this test whose JVM is gone (killed before it could clean up). */
  private static void removeLeftovers() throws IOException, InterruptedException {
    Result list = ip("netns", "list");
    if (list.code != 0) {
      return;
    }
    for (String line : list.output.split("\n")) {
      Matcher m = OURS.matcher(line.trim().split("\\s+")[0]);
      if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
        remove(m.group());
      }
    }
  }

  private void check(Result r) throws IOException {
    if (r.code != 0) {
      throw new IOException("ip " + r.args + " failed (exit " + r.code + "): " + r.output.trim());
    }
  }

  private record Result(List<String> args, int code, String output) {}

  private static Result ip(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ip"));
    cmd.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(List.of(args), 127, "cannot run ip (iproute2): " + e.getMessage());
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("ip " + List.of(args) + " did not end in 30 s");
    }
    return new Result(List.of(args), p.exitValue(), out);
  }

  /** Namespaces cannot be made here (no iproute2, not root, or no CAP_SYS_ADMIN). */
  static final class Unavailable extends IOException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }
}
