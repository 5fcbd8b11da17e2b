import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export type ReceivedMail = { to: string[]; raw: string };

/** Starts server/mail/testing/smtp-capture.ts as a child process and collects what it receives. */
export async function startSmtpProcess(): Promise<{
  url: string;
  mails: ReceivedMail[];
  nextMail: () => Promise<ReceivedMail>;
  stop: () => Promise<void>;
}> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "smtp-capture.ts")],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const mails: ReceivedMail[] = [];
  const waiting: ((mail: ReceivedMail) => void)[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the SMTP process exited (${code})`)));
    if (!child.stdout) return reject(new Error("no stdout"));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const event = JSON.parse(line) as { port?: number } & Partial<ReceivedMail>;
      if (event.port) return resolve(event.port);
      const mail = { to: event.to ?? [], raw: event.raw ?? "" };
      const waiter = waiting.shift();
      if (waiter) waiter(mail);
      else mails.push(mail);
    });
  });
  return {
    url: `smtp://user:pass@127.0.0.1:${port}`,
    mails,
    nextMail: () => {
      const mail = mails.shift();
      if (mail) return Promise.resolve(mail);
      return new Promise((resolve) => waiting.push(resolve));
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
