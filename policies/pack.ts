/**
 * The pack's policies, apart from the entry point: constructing a PolicyPack starts a gRPC server,
 * so tests and the offline runner import this module instead of index.ts.
 */
import { Policies } from "@pulumi/policy";
import {
    eksSecretsEncrypted,
    ecrHardened,
    elasticacheEncrypted,
    kmsKeysRotatedScoped,
    logGroupsEncrypted,
    rdsEncrypted,
    rdsForceSsl,
    S3_BUCKET_POLICIES,
    secretsWithCustomerKeys,
    volumesEncrypted,
} from "./rules/encryption";
import { DEPLOY_POLICIES } from "./rules/deploy";
import { PROD_POLICIES } from "./rules/prod";
import { faultDomains } from "./rules/fault-domains";
import { flowsMatchNeeded, networkPoliciesEnforced } from "./rules/flows";
import { noNodeProxy } from "./rules/rbac";
import { elasticIpsAtEdge, imdsV2, publicAddressesAtEdge } from "./rules/instances";
import { PARITY_POLICIES } from "./rules/parity";
import { podFlowsMatchNeeded } from "./rules/pod-flows";
import {
    dropCapabilitiesSeccomp,
    imagesPinned,
    postgresTlsVerified,
    secretsAsFiles,
    namespacesDenyByDefault,
    noPrivilegeEscalation,
    noPublicServices,
    probesSet,
    readOnlyRootFilesystem,
    resourcesSet,
    runAsNonRoot,
} from "./rules/kubernetes";
import { iamNoWildcards, noUnconditionedWildcardWrites, trustPinsSource } from "./rules/iam";
import {
    eksEndpointPrivate,
    internetIngress,
    internetIngressRoles,
    noAllProtocolIngress,
    restrictedEgress,
    vpcBaseline,
} from "./rules/network";
import { secretsReadOnlyByOwners } from "./rules/secret-readers";
import { noPlaintextSecrets } from "./rules/secrets";
import { requiredTags } from "./rules/tags";
import { clusterNamesResolve } from "./rules/names";
import { jobVolumesReclaimed } from "./rules/volumes";

export const PACK_NAME = "chain-platform-policies";
export const PACK_ENFORCEMENT = "mandatory" as const;

export const POLICIES: Policies = [
    // Ports
    internetIngress,
    internetIngressRoles,
    noAllProtocolIngress,
    restrictedEgress,
    eksEndpointPrivate,
    vpcBaseline,
    noPublicServices,
    namespacesDenyByDefault,
    networkPoliciesEnforced,
    flowsMatchNeeded,
    podFlowsMatchNeeded,
    noNodeProxy,
    // Encryption
    ...S3_BUCKET_POLICIES,
    rdsEncrypted,
    rdsForceSsl,
    elasticacheEncrypted,
    volumesEncrypted,
    kmsKeysRotatedScoped,
    eksSecretsEncrypted,
    ecrHardened,
    secretsWithCustomerKeys,
    logGroupsEncrypted,
    // Beyond
    imdsV2,
    publicAddressesAtEdge,
    elasticIpsAtEdge,
    runAsNonRoot,
    readOnlyRootFilesystem,
    noPrivilegeEscalation,
    dropCapabilitiesSeccomp,
    resourcesSet,
    probesSet,
    imagesPinned,
    secretsAsFiles,
    postgresTlsVerified,
    noPlaintextSecrets,
    secretsReadOnlyByOwners,
    iamNoWildcards,
    trustPinsSource,
    noUnconditionedWildcardWrites,
    requiredTags,
    faultDomains,
    // Prod's guarantees, by stack and Environment tag
    ...PROD_POLICIES,
    // Deploy readiness
    ...DEPLOY_POLICIES,
    clusterNamesResolve,
    jobVolumesReclaimed,
    // One property each, for parity with Checkov, trivy and KICS (policies/data/peer-checks.ts)
    ...PARITY_POLICIES,
];
