package io.descent.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What can be checked of the Kubernetes deployment without a Kubernetes cluster: the
 * spark-submit and kubectl commands deploy/submit-k8s.sh --dry-run prints, and the manifests
 * they use (deploy/k8s/pod-template.yaml and the ConfigMap made from DESCENT_CONF), validated
 * against the Kubernetes API's JSON schema offline by kubernetes-models (npm; validators
 * generated from the Kubernetes OpenAPI specification), run by src/test/k8s/validate.mjs.
 * Not checked: that Spark accepts the template, that pods start, the exit code of a real run.
 */
class KubernetesManifestsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MASTER = "k8s://https://api.example:6443";
  private static final String IMAGE = "registry.example/descent:0.1.0";
  private static final List<String> TRAIN = List.of("--data", "s3a://bucket/train data",
      "--loss", "logistic", "--partitions", "64", "--output", "s3a://bucket/models/m1");

  private static Path dir;
  private static List<String> kubectl;
  private static List<String> apply;
  private static List<String> sparkSubmit;

  @BeforeAll
  @Timeout(300)
  static void installValidatorAndDryRun() throws Exception {
    dir = Paths.get("target", "k8s-check").toAbsolutePath();
    Files.createDirectories(dir);
    Assumptions.assumeTrue(runs("node", "--version") && runs("npm", "--version"),
        "SKIPPED: KubernetesManifestsIT needs Node.js and npm (the validator is an npm package)");
    for (String f : List.of("package.json", "package-lock.json", "validate.mjs")) {
      Files.copy(Paths.get("src", "test", "k8s", f), dir.resolve(f),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("kubernetes-models"))) {
      Result npm = run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 240);
      assertEquals(0, npm.code, "npm ci (the validator, from the npm registry): " + npm);
    }

    List<String> cmd = new ArrayList<>(List.of("bash",
        Paths.get("deploy", "submit-k8s.sh").toAbsolutePath().toString(), "--dry-run"));
    cmd.addAll(TRAIN);
    // No kubectl and no Spark here: a dry run must call neither.
    Result dry = run(dir, cmd, Map.of("SPARK_HOME", "/opt/spark", "MASTER", MASTER,
        "DESCENT_IMAGE", IMAGE, "DESCENT_NAMESPACE", "ml", "KUBECTL", "/nonexistent/kubectl"), 60);
    assertEquals(0, dry.code, dry.toString());
    String[] lines = dry.out.split("\n");
    assertEquals(2, lines.length, dry.out);
    String[] pipeline = lines[0].split(" \\| ");
    assertEquals(2, pipeline.length, lines[0]);
    kubectl = words(pipeline[0]);
    apply = words(pipeline[1]);
    sparkSubmit = words(lines[1]);
  }

  @Test
  @Timeout(60)
  void dryRunPrintsTheClusterModeSubmission() {
    assertEquals("/opt/spark/bin/spark-submit", sparkSubmit.get(0));
    assertEquals(MASTER, after("--master"));
    assertEquals("cluster", after("--deploy-mode"));
    assertEquals("io.descent.cli.Main", after("--class"));
    List<String> confs = confs();
    assertTrue(confs.contains("spark.kubernetes.namespace=ml"), confs.toString());
    assertTrue(confs.contains("spark.kubernetes.container.image=" + IMAGE), confs.toString());
    assertTrue(confs.contains("spark.kubernetes.submission.waitAppCompletion=true"), confs.toString());
    assertTrue(Files.isRegularFile(podTemplate()), "the template exists: " + podTemplate());
    // The application and its arguments: the jar inside the image, train with the mounted settings.
    int jar = sparkSubmit.indexOf("local:///opt/descent/descent-app.jar");
    assertTrue(jar > 0, sparkSubmit.toString());
    List<String> app = new ArrayList<>(List.of("train", "--conf", "/opt/descent/conf/descent.properties"));
    app.addAll(TRAIN);
    assertEquals(app, sparkSubmit.subList(jar + 1, sparkSubmit.size()));
    assertEquals(List.of("/nonexistent/kubectl", "-n", "ml", "create", "configmap", "descent-conf",
        "--from-file=descent.properties=" + Paths.get("conf", "descent.properties").toAbsolutePath(),
        "--dry-run=client", "-o", "yaml"), kubectl);
    assertEquals(List.of("/nonexistent/kubectl", "-n", "ml", "apply", "-f", "-"), apply);
  }

  /** The pod template and the ConfigMap are valid v1 objects, and they fit each other. */
  @Test
  @Timeout(120)
  void manifestsAreValidAndFitTogether() throws Exception {
    Path configMap = renderConfigMap();
    Result check = run(dir, List.of("node", "validate.mjs", podTemplate().toString(),
        configMap.toString()), Map.of(), 60);
    List<JsonNode> docs = parse(check.out);
    assertEquals(0, check.code, check.toString());
    assertEquals(2, docs.size(), check.toString());
    JsonNode pod = docs.get(0);
    assertEquals("Pod", pod.get("kind").asText());
    assertTrue(pod.get("valid").asBoolean(), check.out);
    assertEquals("ConfigMap", docs.get(1).get("kind").asText());
    assertTrue(docs.get(1).get("valid").asBoolean(), check.out);

    // The driver container mounts that ConfigMap where train reads its settings.
    JsonNode spec = pod.get("object").get("spec");
    JsonNode volume = spec.get("volumes").get(0);
    assertEquals("descent-conf", volume.get("configMap").get("name").asText());
    JsonNode mount = spec.get("containers").get(0).get("volumeMounts").get(0);
    assertEquals(volume.get("name").asText(), mount.get("name").asText());
    String key = kubectl.get(6).substring("--from-file=".length()).split("=")[0];
    String settings = sparkSubmit.get(sparkSubmit.indexOf("train") + 2);
    assertEquals(settings, mount.get("mountPath").asText() + "/" + key);
  }

  /** The validator can fail: a template without a mount path and with a numeric name is rejected. */
  @Test
  @Timeout(120)
  void theValidatorRejectsABrokenTemplate() throws Exception {
    String broken = Files.readString(podTemplate())
        .replace("mountPath: /opt/descent/conf", "mountPathTypo: /opt/descent/conf")
        .replace("- name: driver", "- name: 42");
    Path file = dir.resolve("broken-pod-template.yaml");
    Files.writeString(file, broken);
    Result check = run(dir, List.of("node", "validate.mjs", file.toString()), Map.of(), 60);
    assertEquals(1, check.code, check.toString());
    JsonNode doc = parse(check.out).get(0);
    assertEquals(false, doc.get("valid").asBoolean());
    String error = doc.get("error").asText();
    assertTrue(error.contains("mountPath") && error.contains("name must be string"), error);
  }

  /** What the dry run's kubectl command would create: the settings file as a ConfigMap. */
  private static Path renderConfigMap() throws IOException {
    String[] fromFile = kubectl.get(6).substring("--from-file=".length()).split("=", 2);
    ObjectNode cm = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
    cm.putObject("metadata").put("name", kubectl.get(5)).put("namespace", kubectl.get(2));
    cm.putObject("data").put(fromFile[0], Files.readString(Paths.get(fromFile[1])));
    Path out = dir.resolve("descent-conf.configmap.json");
    JSON.writeValue(out.toFile(), cm);
    return out;
  }

  private static Path podTemplate() {
    String prefix = "spark.kubernetes.driver.podTemplateFile=";
    return Paths.get(confs().stream().filter(c -> c.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no pod template in " + sparkSubmit))
        .substring(prefix.length()));
  }

  private static String after(String flag) {
    int i = sparkSubmit.indexOf(flag);
    assertTrue(i >= 0 && i + 1 < sparkSubmit.size(), flag + " in " + sparkSubmit);
    return sparkSubmit.get(i + 1);
  }

  private static List<String> confs() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < sparkSubmit.size(); i++) {
      if (sparkSubmit.get(i).equals("--conf")) {
        out.add(sparkSubmit.get(i + 1));
      }
    }
    return out;
  }

  private static List<JsonNode> parse(String lines) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : lines.split("\n")) {
      if (l.startsWith("{")) {
        out.add(JSON.readTree(l));
      }
    }
    return out;
  }

  /** Splits a shell-quoted line into its words, as bash does. */
  private static List<String> words(String line) throws Exception {
    Result r = run(dir, List.of("bash", "-c", "eval \"set -- $1\"; printf '%s\\0' \"$@\"", "_", line),
        Map.of(), 30);
    assertEquals(0, r.code, r.toString());
    return Arrays.asList(r.out.split("\0"));
  }

  private static boolean runs(String... command) {
    try {
      return run(dir, List.of(command), Map.of(), 30).code == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  /** Runs a command to its end (output through files, so a hung one cannot block the read). */
  private static Result run(Path cwd, List<String> command, Map<String, String> env, int seconds)
      throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(command + " did not end in " + seconds + " s");
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
