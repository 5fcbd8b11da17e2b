// A real SMTP server for the tests, run as its own process (`node --import tsx` this file):
// it listens on 127.0.0.1 on a free port, accepts the login user/pass, and writes one JSON line
// to stdout per event: { port } once listening, then { to, raw } for every mail it received.
import { SMTPServer } from "smtp-server";

const server = new SMTPServer({
  // Plain SMTP on loopback with a login, as `smtp://user:pass@host:port` configures it.
  disabledCommands: ["STARTTLS"],
  allowInsecureAuth: true,
  authMethods: ["PLAIN", "LOGIN"],
  onAuth(auth, _session, callback) {
    if (auth.username === "user" && auth.password === "pass") callback(null, { user: auth.username });
    else callback(new Error("Invalid username or password"));
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      process.stdout.write(`${JSON.stringify({ to, raw: Buffer.concat(chunks).toString("utf8") })}\n`);
      callback();
    });
  },
  logger: false,
});

server.listen(0, "127.0.0.1", () => {
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
