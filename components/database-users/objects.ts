/**
 * The bootstrap Job that creates the dedicated PostgreSQL users, as plain objects: it fetches the
 * master credentials and the users' verifiers through its IAM role, then runs the users script over
 * TLS verified against the RDS roots. Pure; inputs may be Pulumi values.
 */
import { PART_OF_PLATFORM } from "../shared/namespaces";
import { NAMESPACES } from "../../topology/namespaces";
import { createHash } from "node:crypto";
import type { Input } from "@pulumi/pulumi";
import { K8sObject } from "../shared/k8s-object";
import {
    containerSecurity,
    podSecurity,
    SECRETS_DIR,
    SECRETS_VOLUME,
    secretsInitContainer,
    splitCredentials,
    jsonFieldToFile,
} from "../shared/pods";
import {
    postgresCaConfigMap,
    postgresCaMount,
    postgresCaVolume,
    libpqEnvironment,
    loginFromFiles,
} from "../shared/postgres-client";
import { DatabaseUser, usersScript, verifierFile } from "./users";

export const DATABASE_USERS_NAMESPACE = NAMESPACES.databaseUsers;
/** The pods' component label, and the name of the Job, its ServiceAccount and ConfigMap. */
export const DATABASE_USERS_COMPONENT = "database-users";
/** postgres:*-alpine's postgres user. */
const USER = 70;
const SCRIPT_DIR = "/etc/database-users";

export interface DatabaseUsersSpec {
    readonly region: string;
    /** PostgreSQL client image of the engine's major version. */
    readonly image: string;
    readonly connection: {
        readonly host: Input<string>;
        readonly port: number;
        readonly database: string;
        readonly caBundle: string;
        readonly masterSecretArn: Input<string>;
    };
    /** Each user and the secret holding its {"username", "password", "verifier"}, with that secret's version. */
    readonly users: readonly {
        readonly user: DatabaseUser;
        readonly secretArn: Input<string>;
        readonly secretVersion: Input<string>;
    }[];
    /** IAM role of the Job's service account. */
    readonly roleArn: Input<string>;
}

export function databaseUsersObjects(spec: DatabaseUsersSpec): K8sObject[] {
    const c = spec.connection;
    const script = usersScript(
        spec.users.map((u) => u.user),
        SECRETS_DIR,
    );
    const labels = {
        "app.kubernetes.io/name": DATABASE_USERS_COMPONENT,
        "app.kubernetes.io/component": DATABASE_USERS_COMPONENT,
        ...PART_OF_PLATFORM,
    };
    const files = [
        { arn: c.masterSecretArn, file: "master.json" },
        ...spec.users.map((u) => ({ arn: u.secretArn, file: `${u.user.username}.json` })),
    ];
    const fetch = secretsInitContainer({
        region: spec.region,
        files,
        user: USER,
        then: [
            ...splitCredentials(`${SECRETS_DIR}/master.json`, `${SECRETS_DIR}/master.`),
            ...spec.users.map((u) => {
                const json = `${SECRETS_DIR}/${u.user.username}.json`;
                return `${jsonFieldToFile(json, "verifier", `${SECRETS_DIR}/${verifierFile(u.user)}`)} && rm -f ${json}`;
            }),
        ],
    });
    const apply = {
        name: "create-users",
        image: spec.image,
        command: [
            "/bin/sh",
            "-c",
            [
                "set -eu",
                ...loginFromFiles(
                    `${SECRETS_DIR}/master.username`,
                    `${SECRETS_DIR}/master.password`,
                ),
                `psql -X -q -f ${SCRIPT_DIR}/users.sql`,
            ].join("\n"),
        ],
        env: libpqEnvironment(c),
        resources: {
            requests: { cpu: "50m", memory: "64Mi" },
            limits: { cpu: "250m", memory: "128Mi" },
        },
        securityContext: containerSecurity(USER),
        volumeMounts: [
            { name: "secrets", mountPath: SECRETS_DIR, readOnly: true },
            { name: "config", mountPath: SCRIPT_DIR, readOnly: true },
            postgresCaMount,
            { name: "tmp", mountPath: "/tmp" },
        ],
    };
    const metadata = (kind: string) => ({
        name:
            kind === "ConfigMap" ? `${DATABASE_USERS_COMPONENT}-script` : DATABASE_USERS_COMPONENT,
        namespace: DATABASE_USERS_NAMESPACE,
        labels,
    });
    return [
        {
            apiVersion: "v1",
            kind: "ServiceAccount",
            metadata: {
                ...metadata("ServiceAccount"),
                annotations: { "eks.amazonaws.com/role-arn": spec.roleArn },
            },
            automountServiceAccountToken: false,
        },
        {
            apiVersion: "v1",
            kind: "ConfigMap",
            metadata: metadata("ConfigMap"),
            data: { "users.sql": script },
        },
        postgresCaConfigMap(DATABASE_USERS_NAMESPACE, c.caBundle),
        {
            apiVersion: "batch/v1",
            kind: "Job",
            // A failed run would otherwise block every later `pulumi up` (Pulumi waits on the same failed Job): replace it.
            metadata: { ...metadata("Job"), annotations: { "pulumi.com/replaceUnready": "true" } },
            spec: {
                // Fails within Pulumi's 10-minute wait for a Job, so `pulumi up` reports the failure rather than a timeout.
                backoffLimit: 2,
                activeDeadlineSeconds: 480,
                template: {
                    metadata: {
                        labels,
                        // A Job's template cannot change in place: a new script or a rotated password replaces the Job, which runs again.
                        annotations: {
                            "platform/script-sha256": createHash("sha256")
                                .update(script)
                                .digest("hex"),
                            ...Object.fromEntries(
                                spec.users.map((u) => [
                                    `platform/${u.user.username}-version`,
                                    u.secretVersion,
                                ]),
                            ),
                        },
                    },
                    spec: {
                        serviceAccountName: DATABASE_USERS_COMPONENT,
                        restartPolicy: "Never",
                        securityContext: podSecurity(USER),
                        initContainers: [fetch],
                        containers: [apply],
                        volumes: [
                            SECRETS_VOLUME,
                            {
                                name: "config",
                                configMap: { name: `${DATABASE_USERS_COMPONENT}-script` },
                            },
                            postgresCaVolume,
                            { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
                        ],
                    },
                },
            },
        },
    ];
}
