// Validates Kubernetes manifests (YAML or JSON files, one or more documents each) against the
// Kubernetes API's JSON schema, offline: kubernetes-models ships a validator per API type,
// generated from the Kubernetes OpenAPI specification. Prints one JSON line per document:
// {"file", "apiVersion", "kind", "valid", "error", "object"}; exits 1 if any is invalid.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const object = doc.toJS();
    const result = { file, apiVersion: object?.apiVersion, kind: object?.kind, valid: false, error: null, object };
    try {
      if (doc.errors.length > 0) {
        throw new Error(doc.errors.map((e) => e.message).join("; "));
      }
      // "v1" -> kubernetes-models/v1/Pod, "apps/v1" -> kubernetes-models/apps/v1/Deployment
      const model = await import(`kubernetes-models/${object.apiVersion}/${object.kind}`);
      new model[object.kind](object).validate();
      result.valid = true;
    } catch (e) {
      result.error = String(e.message ?? e);
      failed = true;
    }
    console.log(JSON.stringify(result));
  }
}
process.exit(failed ? 1 : 0);
