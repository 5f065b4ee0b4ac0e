/**
 * alertmanager.yml: criticals and warnings routed apart, warnings inhibited by a critical of the same
 * alert and instance. Receiver secrets are files the pod fetches at start, never in the rendered file.
 */
import { stringify } from "yaml";

export const ALERTMANAGER_SECRETS_DIR = "/etc/alertmanager/secrets";

export interface AlertRouting {
    readonly slackChannel: string;
    readonly pagerDuty: boolean;
}

export function renderAlertmanagerConfig(r: AlertRouting): string {
    const slack = {
        api_url_file: `${ALERTMANAGER_SECRETS_DIR}/slack-webhook-url`,
        channel: r.slackChannel,
        send_resolved: true,
        title: "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}",
        text: "{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}",
    };
    return stringify(
        {
            global: { resolve_timeout: "5m" },
            route: {
                receiver: "warning",
                group_by: ["alertname", "severity"],
                group_wait: "30s",
                group_interval: "5m",
                repeat_interval: "4h",
                routes: [
                    // Every minute, to the external switch alone: when the heartbeats stop, it pages (Prometheus, Alertmanager or their zone is gone).
                    {
                        receiver: "dead-mans-switch",
                        matchers: ['alertname="Watchdog"'],
                        group_wait: "0s",
                        group_interval: "1m",
                        repeat_interval: "1m",
                    },
                    {
                        receiver: "critical",
                        matchers: ['severity="critical"'],
                        group_wait: "10s",
                        repeat_interval: "1h",
                    },
                    { receiver: "warning", matchers: ['severity="warning"'] },
                ],
            },
            inhibit_rules: [
                {
                    source_matchers: ['severity="critical"'],
                    target_matchers: ['severity="warning"'],
                    equal: ["alertname", "instance"],
                },
            ],
            receivers: [
                {
                    name: "critical",
                    ...(r.pagerDuty
                        ? {
                              pagerduty_configs: [
                                  {
                                      routing_key_file: `${ALERTMANAGER_SECRETS_DIR}/pagerduty-routing-key`,
                                      send_resolved: true,
                                  },
                              ],
                          }
                        : {}),
                    slack_configs: [slack],
                },
                { name: "warning", slack_configs: [slack] },
                {
                    name: "dead-mans-switch",
                    webhook_configs: [
                        {
                            url_file: `${ALERTMANAGER_SECRETS_DIR}/dead-mans-switch-url`,
                            send_resolved: false,
                        },
                    ],
                },
            ],
        },
        { lineWidth: 0 },
    );
}
