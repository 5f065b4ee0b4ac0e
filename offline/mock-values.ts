/**
 * Deterministic, realistic values for resources and provider calls under Pulumi's mocks: IDs and
 * ARNs in AWS's formats, AZ names of the configured region, private IPs inside their subnets.
 * Every value derives from the resource's URN, so two runs of the same program agree byte for byte.
 */
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { containsAddress, formatAddress, parseCidr, blockSize } from "../topology/cidr";
import { partitionOf } from "../topology/naming";
import { mockInstanceTypeOfferings, mockZoneIds } from "./mock-zones";

export const MOCK_ACCOUNT_ID = "123456789012";

/**
 * The mock account holds everything the stacks look up (a hosted zone, pinned images). Tests plan
 * against an account that lacks some of it by listing provider function tokens in this variable.
 */
export const ABSENT_ENV = "PLAN_MOCK_ABSENT";
const ABSENT_LOOKUPS = (): string[] => (process.env[ABSENT_ENV] ?? "").split(",").filter(Boolean);

/** Zone letters of the regions this stack is expected in; others get three zones. */
const ZONE_LETTERS: Readonly<Record<string, string>> = {
    "us-east-1": "abcdef",
    "us-east-2": "abc",
    "us-west-2": "abcd",
    "eu-central-1": "abc",
    "eu-west-1": "abc",
    "ap-northeast-1": "acd",
};

export function zonesOf(region: string): string[] {
    return [...(ZONE_LETTERS[region] ?? "abc")].map((letter) => `${region}${letter}`);
}

function digest(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** ID prefixes AWS uses, by resource type token. */
const ID_PREFIX: Readonly<Record<string, string>> = {
    "aws:ec2/vpc:Vpc": "vpc-",
    "aws:ec2/subnet:Subnet": "subnet-",
    "aws:ec2/securityGroup:SecurityGroup": "sg-",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg-",
    "aws:ec2/internetGateway:InternetGateway": "igw-",
    "aws:ec2/natGateway:NatGateway": "nat-",
    "aws:ec2/eip:Eip": "eipalloc-",
    "aws:ec2/routeTable:RouteTable": "rtb-",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc-",
    "aws:ec2/instance:Instance": "i-",
    "aws:ec2/networkInterface:NetworkInterface": "eni-",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt-",
    "aws:ec2/flowLog:FlowLog": "fl-",
    "aws:iam/instanceProfile:InstanceProfile": "AIPA",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr-",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr-",
};

interface MockState {
    readonly region: string;
    readonly subnets: Map<string, string>;
    /** Private address of each network interface, by ID (instances launched on one take it). */
    readonly interfaces: Map<string, string | undefined>;
    /** Region of each explicit AWS provider, by logical name. */
    readonly providerRegions: Map<string, string>;
}

export class PlanMocks implements pulumi.runtime.Mocks {
    private readonly state: MockState;

    constructor(region: string) {
        this.state = {
            region,
            subnets: new Map(),
            interfaces: new Map(),
            providerRegions: new Map(),
        };
    }

    /** The region a resource lives in: its explicit provider's, or the stack's. */
    private regionOf(args: pulumi.runtime.MockResourceArgs): string {
        // A provider reference is "<provider URN>::<provider id>"; the URN ends with the provider's name.
        const providerName = args.provider?.split("::").slice(-2, -1)[0];
        return (providerName && this.state.providerRegions.get(providerName)) || this.state.region;
    }

    newResource(args: pulumi.runtime.MockResourceArgs): {
        id: string;
        state: Record<string, unknown>;
    } {
        const seed = `${args.type}::${args.name}`;
        const id = this.idFor(args, seed);
        const region = this.regionOf(args);
        if (args.type === "pulumi:providers:aws" && typeof args.inputs.region === "string") {
            this.state.providerRegions.set(args.name, args.inputs.region);
        }
        const partition = partitionOf(region);
        const [pkg, modulePath] = args.type.split(":");
        const service = (modulePath ?? "").split("/")[0] ?? "";
        const physicalName =
            typeof args.inputs.name === "string"
                ? args.inputs.name
                : `${args.name}-${digest(seed, 7)}`;
        const out: Record<string, unknown> = { ...args.inputs };

        if (pkg === "aws") {
            out.arn = this.arnFor(args.type, service, id, physicalName, partition, region);
            if ("tags" in args.inputs) {
                out.tagsAll = args.inputs.tags;
            }
        }
        switch (args.type) {
            case "aws:kms/key:Key":
                out.keyId = id;
                break;
            case "aws:ec2/subnet:Subnet":
                this.state.subnets.set(id, String(args.inputs.cidrBlock));
                break;
            case "aws:ec2/vpc:Vpc":
                out.defaultSecurityGroupId = `sg-${digest(`${seed}:default-sg`, 17)}`;
                out.mainRouteTableId = `rtb-${digest(`${seed}:main-rt`, 17)}`;
                break;
            case "aws:ec2/eip:Eip":
                out.publicIp = this.documentationAddress(seed);
                out.allocationId = id;
                break;
            case "aws:ec2/natGateway:NatGateway":
                out.publicIp = this.documentationAddress(seed);
                out.privateIp = this.privateAddress(String(args.inputs.subnetId), seed);
                break;
            case "aws:ec2/networkInterface:NetworkInterface":
                out.privateIp = this.privateAddress(String(args.inputs.subnetId), seed);
                this.state.interfaces.set(id, out.privateIp as string | undefined);
                break;
            case "aws:ec2/instance:Instance": {
                const nic = (
                    args.inputs.primaryNetworkInterface as
                        { networkInterfaceId?: string } | undefined
                )?.networkInterfaceId;
                out.privateIp = nic
                    ? this.state.interfaces.get(nic)
                    : this.privateAddress(String(args.inputs.subnetId), seed);
                out.privateDns = `ip-${String(out.privateIp).replace(/\./g, "-")}.ec2.internal`;
                break;
            }
            case "aws:iam/instanceProfile:InstanceProfile":
            case "aws:iam/role:Role":
                out.name = physicalName;
                out.uniqueId = `AROA${digest(seed, 17).toUpperCase()}`;
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                out.name = physicalName;
                break;
            case "aws:rds/instance:Instance": {
                out.address = `${String(args.inputs.identifier)}.c${digest(`${region}:rds`, 11)}.${region}.rds.amazonaws.com`;
                out.endpoint = `${String(out.address)}:${String(args.inputs.port ?? 5432)}`;
                out.availabilityZone = args.inputs.availabilityZone ?? zonesOf(region)[0];
                if (args.inputs.manageMasterUserPassword) {
                    out.masterUserSecrets = [
                        {
                            secretArn: `arn:${partition}:secretsmanager:${region}:${MOCK_ACCOUNT_ID}:secret:rds!db-${digest(seed, 8)}-${digest(seed, 6)}`,
                            kmsKeyId: args.inputs.masterUserSecretKmsKeyId,
                            secretStatus: "active",
                        },
                    ];
                }
                break;
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup":
                out.primaryEndpointAddress = `master.${String(args.inputs.replicationGroupId)}.${digest(seed, 6)}.use1.cache.amazonaws.com`;
                out.readerEndpointAddress = `replica.${String(args.inputs.replicationGroupId)}.${digest(seed, 6)}.use1.cache.amazonaws.com`;
                break;
            case "aws:eks/cluster:Cluster":
                out.endpoint = `https://${digest(seed, 32).toUpperCase()}.gr7.${region}.eks.amazonaws.com`;
                out.certificateAuthority = {
                    data: Buffer.from(`mock CA of ${String(args.inputs.name)}`).toString("base64"),
                };
                out.identities = [
                    {
                        oidcs: [
                            {
                                issuer: `https://oidc.eks.${region}.amazonaws.com/id/${digest(seed, 32).toUpperCase()}`,
                            },
                        ],
                    },
                ];
                out.vpcConfig = {
                    ...(args.inputs.vpcConfig as object),
                    clusterSecurityGroupId: `sg-${digest(`${seed}:cluster-sg`, 17)}`,
                };
                break;
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
                out.arn = `arn:${partition}:iam::${MOCK_ACCOUNT_ID}:oidc-provider/${String(args.inputs.url).replace(/^https:\/\//, "")}`;
                break;
            case "aws:ec2/launchTemplate:LaunchTemplate":
                out.latestVersion = 1;
                break;
            case "aws:ecr/repository:Repository":
                out.registryId = MOCK_ACCOUNT_ID;
                out.repositoryUrl = `${MOCK_ACCOUNT_ID}.dkr.ecr.${region}.amazonaws.com/${String(args.inputs.name)}`;
                break;
            case "kubernetes:core/v1:Service":
                if ((args.inputs.spec as { type?: string } | undefined)?.type === "LoadBalancer") {
                    out.status = {
                        loadBalancer: {
                            ingress: [
                                {
                                    hostname: `k8s-${args.name.slice(0, 20)}-${digest(seed, 10)}.elb.${region}.amazonaws.com`,
                                },
                            ],
                        },
                    };
                }
                break;
            case "docker:index/image:Image":
                out.repoDigest = `${String(args.inputs.imageName).split(":")[0]}@sha256:${digest(seed, 64)}`;
                break;
            case "random:index/randomBytes:RandomBytes": {
                const bytes = Buffer.from(
                    digest(`${seed}:bytes`, Number(args.inputs.length ?? 32) * 2),
                    "hex",
                );
                out.base64 = bytes.toString("base64");
                out.hex = bytes.toString("hex");
                break;
            }
            case "random:index/randomPassword:RandomPassword":
                // Deterministic stand-in; the SDK marks it secret, and the plan masks it.
                out.result = digest(`${seed}:result`, Number(args.inputs.length ?? 32)).padEnd(
                    Number(args.inputs.length ?? 32),
                    "x",
                );
                out.bcryptHash = `$2a$10$${digest(`${seed}:bcrypt`, 53)}`;
                break;
        }
        return { id, state: out };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const region = this.state.region;
        if (ABSENT_LOOKUPS().includes(args.token)) {
            // What AWS answers for a lookup that finds nothing; lets tests plan against an account lacking it.
            throw new Error(
                `${args.token}: no matching resource found (the mock account lacks it: ${ABSENT_ENV})`,
            );
        }
        switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                const names = zonesOf(region);
                return {
                    id: region,
                    names,
                    zoneIds: mockZoneIds(region, names, MOCK_ACCOUNT_ID),
                    state: "available",
                };
            }
            case "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings": {
                const filters = (args.inputs.filters ?? []) as { name: string; values: string[] }[];
                const requested = filters.find((f) => f.name === "instance-type")?.values ?? [];
                if (args.inputs.locationType !== "availability-zone-id") {
                    throw new Error(
                        "the offline plan answers getInstanceTypeOfferings by availability-zone-id only: zone names differ per account",
                    );
                }
                return {
                    id: region,
                    ...mockInstanceTypeOfferings(
                        mockZoneIds(region, zonesOf(region), MOCK_ACCOUNT_ID),
                        requested,
                    ),
                };
            }
            case "aws:ecr/getImage:getImage": {
                // The mock registry holds every digest a stack pins: a plan checks the program, not the registry.
                const imageDigest = args.inputs.imageDigest
                    ? String(args.inputs.imageDigest)
                    : `sha256:${digest(`${String(args.inputs.repositoryName)}:${String(args.inputs.imageTag)}`, 64)}`;
                return {
                    id: imageDigest,
                    imageDigest,
                    repositoryName: args.inputs.repositoryName,
                    imageTags: [],
                    imagePushedAt: 0,
                    imageSizeInBytes: 0,
                    imageUri: "",
                };
            }
            case "aws:route53/getZone:getZone": {
                const name = String(args.inputs.name).replace(/\.$/, "");
                return {
                    id: `Z${digest(name, 20).toUpperCase()}`,
                    zoneId: `Z${digest(name, 20).toUpperCase()}`,
                    name: `${name}.`,
                    privateZone: false,
                    nameServers: [],
                };
            }
            case "aws:iam/getRoles:getRoles":
                // A fresh account: no service-linked role exists until something creates it.
                return { id: "roles", arns: [], names: [] };
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return {
                    id: MOCK_ACCOUNT_ID,
                    accountId: MOCK_ACCOUNT_ID,
                    arn: `arn:${partitionOf(region)}:iam::${MOCK_ACCOUNT_ID}:user/offline-plan`,
                    userId: "AIDAOFFLINEPLAN",
                };
            case "aws:index/getRegion:getRegion":
                return {
                    id: region,
                    name: region,
                    region,
                    endpoint: `ec2.${region}.amazonaws.com`,
                    description: region,
                };
            case "aws:index/getPartition:getPartition":
                return {
                    id: partitionOf(region),
                    partition: partitionOf(region),
                    dnsSuffix: "amazonaws.com",
                    reverseDnsPrefix: "com.amazonaws",
                };
            case "aws:ecr/getAuthorizationToken:getAuthorizationToken":
                return {
                    id: region,
                    userName: "AWS",
                    password: "mock-ecr-token",
                    authorizationToken: "bW9jaw==",
                    proxyEndpoint: `https://${MOCK_ACCOUNT_ID}.dkr.ecr.${region}.amazonaws.com`,
                };
            case "aws:ec2/getAmi:getAmi": {
                const imageId = `ami-${digest(`${region}:${JSON.stringify(args.inputs.filters ?? [])}`, 17)}`;
                return {
                    id: imageId,
                    imageId,
                    architecture: "x86_64",
                    name: "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20261101",
                    ownerId: "099720109477",
                    rootDeviceName: "/dev/sda1",
                };
            }
            default:
                throw new Error(
                    `the offline plan has no mock for the provider function ${args.token}; add one in offline/mock-values.ts`,
                );
        }
    }

    private idFor(args: pulumi.runtime.MockResourceArgs, seed: string): string {
        if (args.type === "aws:kms/key:Key") {
            const h = digest(seed, 32);
            return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
        }
        const prefix = ID_PREFIX[args.type];
        if (prefix) {
            return `${prefix}${digest(seed, 17)}`;
        }
        if (args.type === "aws:s3/bucket:Bucket" && typeof args.inputs.bucket === "string") {
            return args.inputs.bucket;
        }
        if (args.type === "aws:eks/cluster:Cluster" && typeof args.inputs.name === "string") {
            return args.inputs.name;
        }
        if (
            args.type === "aws:rds/instance:Instance" &&
            typeof args.inputs.identifier === "string"
        ) {
            return args.inputs.identifier;
        }
        if (
            args.type === "aws:elasticache/replicationGroup:ReplicationGroup" &&
            typeof args.inputs.replicationGroupId === "string"
        ) {
            return args.inputs.replicationGroupId;
        }
        return typeof args.inputs.name === "string"
            ? args.inputs.name
            : `${args.name}-${digest(seed, 7)}`;
    }

    private arnFor(
        type: string,
        service: string,
        id: string,
        name: string,
        partition: string,
        region: string,
    ): string {
        const account = MOCK_ACCOUNT_ID;
        switch (type) {
            case "aws:kms/key:Key":
                return `arn:${partition}:kms:${region}:${account}:key/${id}`;
            case "aws:kms/alias:Alias":
                return `arn:${partition}:kms:${region}:${account}:${name}`;
            case "aws:iam/role:Role":
                return `arn:${partition}:iam::${account}:role/${name}`;
            case "aws:iam/policy:Policy":
                return `arn:${partition}:iam::${account}:policy/${name}`;
            case "aws:iam/instanceProfile:InstanceProfile":
                return `arn:${partition}:iam::${account}:instance-profile/${name}`;
            case "aws:ssm/parameter:Parameter":
                return `arn:${partition}:ssm:${region}:${account}:parameter${name.startsWith("/") ? "" : "/"}${name}`;
            case "aws:cloudwatch/logGroup:LogGroup":
                return `arn:${partition}:logs:${region}:${account}:log-group:${name}`;
            case "aws:s3/bucketV2:BucketV2":
            case "aws:s3/bucket:Bucket":
                return `arn:${partition}:s3:::${id}`;
            case "aws:rds/instance:Instance":
                return `arn:${partition}:rds:${region}:${account}:db:${id}`;
            case "aws:secretsmanager/secret:Secret":
                return `arn:${partition}:secretsmanager:${region}:${account}:secret:${name}-${digest(name, 6)}`;
            default: {
                const resource = type.split(":")[2]!.replace(/^./, (c) => c.toLowerCase());
                return `arn:${partition}:${service}:${region}:${account}:${resource}/${id}`;
            }
        }
    }

    /** An address from TEST-NET-2 (198.51.100.0/24), which is never routed. */
    private documentationAddress(seed: string): string {
        return `198.51.100.${(parseInt(digest(seed, 4), 16) % 250) + 2}`;
    }

    /** A host address inside the subnet, past the five AWS reserves. */
    private privateAddress(subnetId: string, seed: string): string | undefined {
        const cidr = parseCidr(this.state.subnets.get(subnetId) ?? "");
        if (!cidr) {
            return undefined;
        }
        const usable = blockSize(cidr.prefix) - 5;
        const address = cidr.network + 4 + (parseInt(digest(seed, 8), 16) % usable);
        return containsAddress(cidr, address) ? formatAddress(address) : undefined;
    }
}
