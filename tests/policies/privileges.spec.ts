/** The privilege model for secrets: it finds the readers, and the policy fires on each planted break. */
import * as assert from "assert";
import { principalSummaries, secretNameOfArn } from "../../policies/lib/privileges";
import { stackArgs } from "../../offline/policy-runner";
import { noUnconditionedWildcardWrites } from "../../policies/rules/iam";
import { secretsReadOnlyByOwners } from "../../policies/rules/secret-readers";
import { planned, STACKS } from "../support/harness";
import { check, firesAndPasses, subject, Subject, urnOf } from "../support/policy-helper";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/secrets";
const HUB_PARAMETER =
    "arn:aws:ssm:us-east-1:123456789012:parameter/p-prod/wireguard/hub-private-key";
const REDIS_SECRET =
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:p-prod/redis/auth-token-AbC123";

const role = (name: string): Subject => ({ type: "aws:iam/role:Role", name, props: { name } });
const inline = (roleName: string, statements: unknown[]): Subject => ({
    type: "aws:iam/rolePolicy:RolePolicy",
    name: `${roleName}-own`,
    props: {
        role: roleName,
        policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
    },
    propertyDependencies: { role: [urnOf(role(roleName))] },
});
const attach = (roleName: string, policyArn: string): Subject => ({
    type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    name: `${roleName}-${policyArn.split("/").pop()}`,
    props: { role: roleName, policyArn },
    propertyDependencies: { role: [urnOf(role(roleName))] },
});
const hubKey: Subject = {
    type: "aws:ssm/parameter:Parameter",
    name: "hub-key",
    props: { name: "/p-prod/wireguard/hub-private-key", type: "SecureString", keyId: KEY },
};
const redisToken: Subject = {
    type: "aws:secretsmanager/secret:Secret",
    name: "redis-token",
    props: { name: "p-prod/redis/auth-token", kmsKeyId: KEY },
};
const SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

/** The hub and the app as the stack declares them: SSM for both, each decrypting only its own secrets. */
function world(appDecrypt: Record<string, unknown>): Subject[] {
    return [
        hubKey,
        redisToken,
        role("p-prod-wireguard"),
        attach("p-prod-wireguard", SSM_CORE),
        inline("p-prod-wireguard", [
            { Effect: "Allow", Action: "ssm:GetParameter", Resource: HUB_PARAMETER },
            {
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: KEY,
                Condition: {
                    StringEquals: { "kms:EncryptionContext:PARAMETER_ARN": HUB_PARAMETER },
                },
            },
        ]),
        role("p-prod-app"),
        attach("p-prod-app", SSM_CORE),
        inline("p-prod-app", [
            { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [REDIS_SECRET] },
            { Effect: "Allow", Action: "kms:Decrypt", Resource: KEY, ...appDecrypt },
        ]),
        role("p-prod-monitoring-redis-exporter"),
        inline("p-prod-monitoring-redis-exporter", [
            { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: REDIS_SECRET },
            {
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: KEY,
                Condition: { StringEquals: { "kms:EncryptionContext:SecretARN": REDIS_SECRET } },
            },
        ]),
    ];
}
const scoped = {
    Condition: { StringEquals: { "kms:EncryptionContext:SecretARN": [REDIS_SECRET] } },
};

describe("privilege model: who can read which secret", () => {
    it("names secrets from ARNs the way their name inputs read", () => {
        assert.deepStrictEqual(secretNameOfArn(REDIS_SECRET), {
            kind: "secretsmanager",
            name: "p-prod/redis/auth-token",
        });
        assert.deepStrictEqual(secretNameOfArn(HUB_PARAMETER), {
            kind: "ssm",
            name: "/p-prod/wireguard/hub-private-key",
        });
    });
    it("fires when the app's decrypt grant lacks its encryption context: SSM core access then reads the hub's key", async () => {
        await firesAndPasses(
            secretsReadOnlyByOwners,
            world(scoped),
            world({}),
            /role p-prod-app can read secret \/p-prod\/wireguard\/hub-private-key/,
        );
    });
    describe("finds grants however they are attached", () => {
        const readsHubKey = [
            { Effect: "Allow", Action: "ssm:GetParameter", Resource: HUB_PARAMETER },
            { Effect: "Allow", Action: "kms:Decrypt", Resource: KEY },
        ];
        const document = JSON.stringify({ Version: "2012-10-17", Statement: readsHubKey });
        const reader = {
            type: "aws:iam/policy:Policy",
            name: "reads-hub",
            props: { arn: "arn:aws:iam::123456789012:policy/reads-hub", policy: document },
        } as Subject;
        for (const [how, extra] of [
            [
                "the role's inlinePolicies",
                [
                    {
                        type: "aws:iam/role:Role",
                        name: "p-prod-lb",
                        props: {
                            name: "p-prod-lb",
                            inlinePolicies: [{ name: "x", policy: document }],
                        },
                    },
                ],
            ],
            [
                "the role's managedPolicyArns",
                [
                    reader,
                    {
                        type: "aws:iam/role:Role",
                        name: "p-prod-lb",
                        props: { name: "p-prod-lb", managedPolicyArns: [reader.props.arn] },
                    },
                ],
            ],
            [
                "a PolicyAttachment naming the role",
                [
                    reader,
                    role("p-prod-lb"),
                    {
                        type: "aws:iam/policyAttachment:PolicyAttachment",
                        name: "att",
                        props: { name: "att", policyArn: reader.props.arn, roles: ["p-prod-lb"] },
                    },
                ],
            ],
        ] as const) {
            it(how, async () => {
                await firesAndPasses(
                    secretsReadOnlyByOwners,
                    world(scoped),
                    [...world(scoped), ...(extra as readonly Subject[])],
                    /role p-prod-lb can read secret \/p-prod\/wireguard\/hub-private-key/,
                );
            });
        }
    });
    it("fires when a needed reader cannot read (a grant removed)", async () => {
        const broken = world(scoped).filter(
            (s) => s.name !== "p-prod-monitoring-redis-exporter-own",
        );
        await firesAndPasses(
            secretsReadOnlyByOwners,
            world(scoped),
            broken,
            /role p-prod-monitoring-redis-exporter cannot read secret p-prod\/redis\/auth-token, which it needs/,
        );
    });
    it("fires on a secret nobody declared readers for", async () => {
        const stray: Subject = {
            type: "aws:secretsmanager/secret:Secret",
            name: "stray",
            props: { name: "p-prod/misc/token", kmsKeyId: KEY },
        };
        const run = await check(secretsReadOnlyByOwners, [...world(scoped), stray]);
        assert.deepStrictEqual(run.messages, [
            "secret p-prod/misc/token has no declared readers; readable by: nobody",
        ]);
    });
    it("keeps each validator's key to that validator", async () => {
        const secret = (n: number): Subject => ({
            type: "aws:secretsmanager/secret:Secret",
            name: `v${n}`,
            props: { name: `p-prod/validators/validator-${n}`, kmsKeyId: KEY },
        });
        const arn = (n: number) =>
            `arn:aws:secretsmanager:us-east-1:123456789012:secret:p-prod/validators/validator-${n}-AbC12${n}`;
        const grant = (n: number, resource: string) => [
            role(`p-prod-validator-${n}`),
            inline(`p-prod-validator-${n}`, [
                { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: resource },
                {
                    Effect: "Allow",
                    Action: "kms:Decrypt",
                    Resource: KEY,
                    Condition: { StringEquals: { "kms:EncryptionContext:SecretARN": resource } },
                },
            ]),
        ];
        await firesAndPasses(
            secretsReadOnlyByOwners,
            [secret(0), secret(1), ...grant(0, arn(0)), ...grant(1, arn(1))],
            [secret(0), secret(1), ...grant(0, arn(0)), ...grant(1, arn(0))],
            /role p-prod-validator-1 can read secret p-prod\/validators\/validator-0/,
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: every secret is read by exactly its declared readers`, () => {
            assert.deepStrictEqual(
                planned(stack).violations.filter((v) => v.policy === secretsReadOnlyByOwners.name),
                [],
            );
        });
    }
});

describe("IAM: mutating actions on every resource", () => {
    const policy = (statement: Record<string, unknown>): Subject => ({
        type: "aws:iam/rolePolicy:RolePolicy",
        name: "lb-controller",
        props: {
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Sid: "Listeners", Effect: "Allow", ...statement }],
            }),
        },
    });
    it("iam-no-unconditioned-wildcard-writes fires on listener changes for every load balancer, and passes scoped or conditioned ones", async () => {
        const actions = [
            "elasticloadbalancing:CreateListener",
            "elasticloadbalancing:DeleteListener",
        ];
        await firesAndPasses(
            noUnconditionedWildcardWrites,
            [
                policy({
                    Action: actions,
                    Resource: ["arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/k8s-*/*"],
                }),
                policy({
                    Action: actions,
                    Resource: "*",
                    Condition: { StringEquals: { "aws:ResourceTag/elbv2.k8s.aws/cluster": "c" } },
                }),
                policy({
                    Action: ["ec2:DescribeInstances", "elasticloadbalancing:DescribeListeners"],
                    Resource: "*",
                }),
            ],
            [policy({ Action: actions, Resource: "*" })],
            /statement Listeners allows elasticloadbalancing:CreateListener, elasticloadbalancing:DeleteListener on every resource without a condition/,
        );
    });
    for (const stack of STACKS) {
        it(`${stack}: the load balancer controller changes listeners only on its own load balancers`, () => {
            const inventory = planned(stack);
            assert.deepStrictEqual(
                inventory.violations.filter((v) => v.policy === noUnconditionedWildcardWrites.name),
                [],
            );
            const document = JSON.parse(
                inventory.resources.find(
                    (r) =>
                        r.type === "aws:iam/rolePolicy:RolePolicy" &&
                        r.name === "cluster-lb-controller",
                )!.inputs.policy as string,
            ) as { Statement: { Sid: string; Resource: string[] }[] };
            assert.ok(
                document.Statement.find((s) => s.Sid === "CreateListeners")!.Resource.every((r) =>
                    /:(loadbalancer|listener)\/net\/k8s-\*\//.test(r),
                ),
            );
        });
    }
});

describe("privilege model: the RDS-managed master secret", () => {
    const RDS_SECRET =
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234abcd-AbC123";
    const instance: Subject = {
        type: "aws:rds/instance:Instance",
        name: "postgres-primary",
        props: { manageMasterUserPassword: true, masterUserSecretKmsKeyId: KEY },
    };
    const reader = (roleName: string): Subject[] => [
        role(roleName),
        {
            ...inline(roleName, [
                {
                    Effect: "Allow",
                    Action: "secretsmanager:GetSecretValue",
                    Resource: [RDS_SECRET],
                },
                {
                    Effect: "Allow",
                    Action: "kms:Decrypt",
                    Resource: KEY,
                    Condition: {
                        StringEquals: { "kms:EncryptionContext:SecretARN": [RDS_SECRET] },
                    },
                },
            ]),
            propertyDependencies: { role: [urnOf(role(roleName))], policy: [urnOf(instance)] },
        },
    ];
    it("is found through the policies that take its ARN from the instance, and held to its readers", async () => {
        const good = [instance, ...reader("p-prod-app"), ...reader("p-prod-database-users")];
        await firesAndPasses(
            secretsReadOnlyByOwners,
            good,
            [...good, ...reader("p-prod-monitoring-redis-exporter")],
            /role p-prod-monitoring-redis-exporter can read secret rds!db-1234abcd/,
        );
        // The tools log in as users of their own: an exporter or dump job reading the master secret is a leak.
        await firesAndPasses(
            secretsReadOnlyByOwners,
            good,
            [...good, ...reader("p-prod-backup-postgres")],
            /role p-prod-backup-postgres can read secret rds!db-1234abcd/,
        );
    });
});

describe("privilege model: wildcards and negations count as reads", () => {
    const stranger = (statements: unknown[]): Subject[] => [
        role("p-prod-app"),
        attach("p-prod-app", SSM_CORE),
        inline("p-prod-app", statements),
    ];
    const decryptAnyKey = {
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: "arn:aws:kms:us-east-1:123456789012:key/*",
    };
    for (const [what, statements] of [
        ["a key wildcard with SSM core access", [decryptAnyKey]],
        [
            "a service-wide SSM wildcard",
            [
                { Effect: "Allow", Action: "ssm:GetParameter", Resource: "arn:aws:ssm:*:*:*" },
                decryptAnyKey,
            ],
        ],
        ["NotAction", [{ Effect: "Allow", NotAction: "iam:*", Resource: "*" }]],
        [
            "NotResource",
            [
                {
                    Effect: "Allow",
                    Action: ["ssm:GetParameter", "kms:Decrypt"],
                    NotResource: "arn:aws:s3:::x",
                },
            ],
        ],
    ] as const) {
        it(`finds a reader of the hub's key through ${what}`, async () => {
            const hub = world(scoped).filter(
                (s) =>
                    s.type === "aws:ssm/parameter:Parameter" ||
                    s.name?.startsWith("p-prod-wireguard"),
            );
            const run = await check(secretsReadOnlyByOwners, [
                ...hub,
                ...stranger(statements as unknown as unknown[]),
            ]);
            assert.ok(
                run.messages.some((m) =>
                    /role p-prod-app can read secret \/p-prod\/wireguard\/hub-private-key/.test(m),
                ),
                JSON.stringify(run.messages),
            );
        });
    }
});

describe("principal summaries (the README's principals table)", () => {
    const document = (action: string, resource: string) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: action, Resource: resource }],
        });
    const summaryOf = (subjects: Subject[], roleName: string) =>
        principalSummaries(stackArgs(subjects.map(subject)).resources).find(
            (s) => s.principal === `IAM role ${roleName}`,
        )!;

    it("lists a role's grants however they are given: RolePolicy, the role's own inline and managed policies, and attachments", () => {
        const summary = summaryOf(
            [
                {
                    type: "aws:iam/role:Role",
                    name: "worker",
                    props: {
                        name: "worker",
                        inlinePolicies: [{ name: "own", policy: document("s3:GetObject", "*") }],
                        managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                    },
                },
                inline("worker", [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }]),
                {
                    type: "aws:iam/policyAttachment:PolicyAttachment",
                    name: "shared",
                    props: {
                        policyArn: "arn:aws:iam::123456789012:policy/shared-writer",
                        roles: ["worker"],
                    },
                },
                {
                    type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                    name: "worker-ssm",
                    props: {
                        role: "worker",
                        policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
                    },
                },
            ],
            "worker",
        );
        assert.deepStrictEqual([...summary.grants].sort(), [
            "policy AmazonSSMManagedInstanceCore",
            "policy ReadOnlyAccess",
            "policy shared-writer",
            "s3:GetObject on *",
            "sqs:SendMessage on *",
        ]);
    });
    it("lists nothing for a role without grants", () => {
        assert.deepStrictEqual(summaryOf([role("idle")], "idle").grants, []);
    });
});
