/** IAM documents of the cluster. Pure. */

/** Trust of an IAM role for one Kubernetes service account (IRSA). */
export function serviceAccountTrust(
    oidcProviderArn: string,
    issuerUrl: string,
    namespace: string,
    serviceAccount: string,
): Record<string, unknown> {
    const issuer = issuerUrl.replace(/^https:\/\//, "");
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Federated: oidcProviderArn },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: {
                        [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
                        [`${issuer}:aud`]: "sts.amazonaws.com",
                    },
                },
            },
        ],
    };
}

/**
 * What the AWS Load Balancer Controller needs to run internal NLBs with IP targets, and no more: no
 * security groups of its own (the stack declares them), no WAF, no Shield, no ALB listeners rules.
 */
export function loadBalancerControllerPolicy(
    clusterName: string,
    scope: { readonly partition: string; readonly region: string; readonly accountId: string },
): Record<string, unknown> {
    const owned = { StringEquals: { "aws:ResourceTag/elbv2.k8s.aws/cluster": clusterName } };
    // The controller names its load balancers k8s-<namespace>-<service>-<hash>: listeners only on those.
    const elb = `arn:${scope.partition}:elasticloadbalancing:${scope.region}:${scope.accountId}`;
    const controllerListeners = [
        `${elb}:loadbalancer/net/k8s-*/*`,
        `${elb}:listener/net/k8s-*/*/*`,
    ];
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "Describe",
                Effect: "Allow",
                Action: [
                    "ec2:DescribeAvailabilityZones",
                    "ec2:DescribeSubnets",
                    "ec2:DescribeSecurityGroups",
                    "ec2:DescribeVpcs",
                    "ec2:DescribeInstances",
                    "ec2:DescribeNetworkInterfaces",
                    "ec2:DescribeTags",
                    "elasticloadbalancing:DescribeLoadBalancers",
                    "elasticloadbalancing:DescribeLoadBalancerAttributes",
                    "elasticloadbalancing:DescribeListeners",
                    "elasticloadbalancing:DescribeListenerAttributes",
                    "elasticloadbalancing:DescribeTargetGroups",
                    "elasticloadbalancing:DescribeTargetGroupAttributes",
                    "elasticloadbalancing:DescribeTargetHealth",
                    "elasticloadbalancing:DescribeTags",
                ],
                Resource: "*",
            },
            {
                Sid: "Create",
                Effect: "Allow",
                Action: [
                    "elasticloadbalancing:CreateLoadBalancer",
                    "elasticloadbalancing:CreateTargetGroup",
                    "elasticloadbalancing:AddTags",
                ],
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:RequestTag/elbv2.k8s.aws/cluster": clusterName },
                },
            },
            // The controller creates the ELB service-linked role on its first load balancer in a fresh account.
            {
                Sid: "CreateElbServiceLinkedRole",
                Effect: "Allow",
                Action: "iam:CreateServiceLinkedRole",
                Resource: "*",
                Condition: {
                    StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" },
                },
            },
            {
                Sid: "CreateListeners",
                Effect: "Allow",
                Action: [
                    "elasticloadbalancing:CreateListener",
                    "elasticloadbalancing:DeleteListener",
                    "elasticloadbalancing:ModifyListener",
                ],
                Resource: controllerListeners,
            },
            {
                Sid: "ManageOwned",
                Effect: "Allow",
                Action: [
                    "elasticloadbalancing:ModifyLoadBalancerAttributes",
                    "elasticloadbalancing:SetSecurityGroups",
                    "elasticloadbalancing:SetSubnets",
                    "elasticloadbalancing:DeleteLoadBalancer",
                    "elasticloadbalancing:ModifyTargetGroup",
                    "elasticloadbalancing:ModifyTargetGroupAttributes",
                    "elasticloadbalancing:DeleteTargetGroup",
                    "elasticloadbalancing:RegisterTargets",
                    "elasticloadbalancing:DeregisterTargets",
                    "elasticloadbalancing:AddTags",
                    "elasticloadbalancing:RemoveTags",
                ],
                Resource: "*",
                Condition: owned,
            },
        ],
    };
}
