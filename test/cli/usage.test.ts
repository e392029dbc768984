// Every option a command takes is in its usage lines (the block before the first blank line)
// and explained below them.
import { compareCommand } from "../../src/cli/compare";
import { scoreCommand } from "../../src/cli/score";
import { sensitivityCommand } from "../../src/cli/sensitivity";
import { templateCommand } from "../../src/cli/template";
import { auditCommand } from "../../src/cli/audit";
import { mapCommand } from "../../src/cli/map";
import { inspectCommand } from "../../src/cli/inspect";

describe("usage lines", () => {
  for (const command of [scoreCommand, compareCommand, sensitivityCommand, templateCommand, auditCommand, mapCommand, inspectCommand]) {
    it(`sci ${command.name} lists every option`, () => {
      const [usage, ...rest] = command.help.split("\n\n");
      const body = rest.join("\n\n");
      for (const name of Object.keys(command.options)) {
        expect(usage, `--${name} in the usage lines of sci ${command.name}`).toContain(`--${name}`);
        expect(body, `--${name} explained in sci ${command.name} --help`).toMatch(new RegExp(`^\\s+--${name}\\b`, "m"));
      }
    });
  }
});
