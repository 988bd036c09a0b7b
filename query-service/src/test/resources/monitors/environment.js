// Tries to read the server's secrets: its own environment, the server process's environment, a file beside the data.
const fs = require("fs");
const path = require("path");
const report = { env: process.env };
try {
  report.parentEnviron = fs.readFileSync(`/proc/${process.ppid}/environ`, "utf8");
} catch (e) {
  report.parentEnviron = "DENIED " + e.code;
}
try {
  report.secretFile = fs.readFileSync(path.join(process.cwd(), "..", "..", "secret.txt"), "utf8");
} catch (e) {
  report.secretFile = "DENIED " + e.code;
}
try {
  require("child_process").execSync("cat /proc/" + process.ppid + "/environ");
  report.child = "STARTED";
} catch (e) {
  report.child = "DENIED " + e.code;
}
console.log(JSON.stringify(report));
