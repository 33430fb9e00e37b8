package io.descent.cluster;

import java.util.List;

/** Where a test's daemons run: each named host's address, and how to start a command there. */
interface Placement {
  /** Every host is this machine, on loopback. */
  Placement LOOPBACK = new Placement() {
    @Override
    public String address(String host) {
      return "127.0.0.1";
    }

    @Override
    public List<String> command(String host, List<String> command) {
      return command;
    }
  };

  String address(String host);

  List<String> command(String host, List<String> command);
}
