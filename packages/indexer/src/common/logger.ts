/** Levels in increasing severity; a logger prints its level and above. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stderr by default, so stdout stays free for a command's real output. */
  write?: (line: string) => void;
}

/** One line per message: `level message key=value ...`, readable by people and by grep. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (level: Exclude<LogLevel, "silent">) => (message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < threshold) return;
    write(`${level.padEnd(5)} ${message}${fields ? formatFields(fields) : ""}`);
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

function formatFields(fields: Record<string, unknown>): string {
  let out = "";
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const text =
      typeof value === "string"
        ? value
        : typeof value === "bigint"
          ? value.toString()
          : JSON.stringify(value);
    out += ` ${key}=${/\s/.test(text) ? JSON.stringify(text) : text}`;
  }
  return out;
}

export const silentLogger: Logger = createLogger({ level: "silent" });
