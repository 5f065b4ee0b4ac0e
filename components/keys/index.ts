import { NamingArgs } from "../shared/args";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
    KEY_DESCRIPTIONS,
    KEY_PURPOSES,
    KeyPolicyContext,
    KeyPurpose,
    keyPolicy,
} from "../shared/key-policy";
import { ServiceLinkedRole } from "./service-linked-role";

export { KEY_PURPOSES } from "../shared/key-policy";
export type { KeyPurpose } from "../shared/key-policy";
export { AUTOSCALING_SERVICE_LINKED_ROLE } from "../shared/key-policy";
export { serviceLinkedRole } from "./service-linked-role";
export type { ServiceLinkedRole } from "./service-linked-role";

/** Each key's alias is `alias/<namePrefix>-<purpose>`. */
export interface KeysArgs extends NamingArgs {
    /** Account and region the keys live in; the account root administers them. No default. */
    readonly policyContext: KeyPolicyContext;
    /** Days a scheduled key deletion waits. Default: 30. */
    readonly deletionWindowDays?: number;
    /** Service-linked roles the key policies name; the keys wait for them. Default: none. */
    readonly serviceLinkedRoles?: readonly ServiceLinkedRole[];
}

/** One customer-managed KMS key per purpose, rotating yearly, with an alias each. */
export class Keys extends pulumi.ComponentResource {
    public readonly keys: Readonly<Record<KeyPurpose, aws.kms.Key>>;
    public readonly arns: Readonly<Record<KeyPurpose, pulumi.Output<string>>>;

    constructor(name: string, args: KeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:keys:Keys", name, {}, opts);
        const deletionWindowDays = args.deletionWindowDays ?? 30;

        const keys = {} as Record<KeyPurpose, aws.kms.Key>;
        for (const purpose of KEY_PURPOSES) {
            const key = new aws.kms.Key(
                `${name}-${purpose}`,
                {
                    description: `${args.namePrefix} ${purpose}: ${KEY_DESCRIPTIONS[purpose]}`,
                    enableKeyRotation: true,
                    rotationPeriodInDays: 365,
                    deletionWindowInDays: deletionWindowDays,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    policy: JSON.stringify(keyPolicy(purpose, args.policyContext)),
                    tags: {
                        ...args.tags,
                        Name: `${args.namePrefix}-${purpose}`,
                        Purpose: purpose,
                    },
                },
                {
                    parent: this,
                    dependsOn: (args.serviceLinkedRoles ?? []).flatMap((role) => role.dependsOn),
                },
            );
            new aws.kms.Alias(
                `${name}-${purpose}-alias`,
                {
                    name: `alias/${args.namePrefix}-${purpose}`,
                    targetKeyId: key.keyId,
                },
                { parent: this },
            );
            keys[purpose] = key;
        }
        this.keys = keys;
        this.arns = Object.fromEntries(KEY_PURPOSES.map((p) => [p, keys[p].arn])) as Record<
            KeyPurpose,
            pulumi.Output<string>
        >;
        this.registerOutputs({ arns: this.arns });
    }
}
