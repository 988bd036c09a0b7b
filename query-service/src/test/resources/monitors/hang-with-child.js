// Starts a child that would outlive it, prints the child's pid, and never decides (needs no sandbox).
const { spawn } = require("child_process");
const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
console.log("child " + child.pid);
setInterval(() => {}, 1000);
