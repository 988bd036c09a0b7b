// Prints 5 MB on stdout and 5 MB on stderr, then allows: the capture must stay bounded and never block it.
const line = "x".repeat(1023) + "\n";
const chunk = line.repeat(64);
for (let i = 0; i < 80; i++) {
  process.stdout.write(chunk);
  process.stderr.write(chunk);
}
