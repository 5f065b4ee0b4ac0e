import * as assert from "assert";
import { KEY_PURPOSES, keyPolicy } from "../../components/shared/key-policy";

const context = { accountId: "123456789012", region: "us-east-1", partition: "aws" };

function principals(statement: Record<string, unknown>): string[] {
    const principal = statement.Principal as Record<string, string | string[]> | string;
    if (typeof principal === "string") return [principal];
    return Object.values(principal).flat();
}

describe("KMS key policies", () => {
    for (const purpose of KEY_PURPOSES) {
        it(`${purpose}: no wildcard principal; the account root administers through IAM`, () => {
            const policy = keyPolicy(purpose, context);
            for (const statement of policy.Statement) {
                assert.ok(
                    !principals(statement).some((p) => p === "*" || p.includes("*")),
                    JSON.stringify(statement),
                );
            }
            assert.ok(
                policy.Statement.some((s) =>
                    principals(s).includes("arn:aws:iam::123456789012:root"),
                ),
            );
        });
    }
    it("lets CloudWatch Logs use only the logs key, and only for this account's log groups", () => {
        for (const purpose of KEY_PURPOSES) {
            const logsStatements = keyPolicy(purpose, context).Statement.filter((s) =>
                principals(s).includes("logs.us-east-1.amazonaws.com"),
            );
            assert.strictEqual(logsStatements.length, purpose === "logs" ? 1 : 0, purpose);
        }
        const [statement] = keyPolicy("logs", context).Statement.filter((s) =>
            principals(s).includes("logs.us-east-1.amazonaws.com"),
        );
        assert.deepStrictEqual(statement!.Condition, {
            ArnLike: {
                "kms:EncryptionContext:aws:logs:arn":
                    "arn:aws:logs:us-east-1:123456789012:log-group:*",
            },
        });
    });
});
