/**
 * Renders the load balancer's nginx.conf. Pure: plain values in, text out. Upstream addresses come
 * from declared resources; ports from the port map.
 */

export interface NginxConfig {
    /** Public DNS name (server_name and HSTS scope). */
    readonly serverName: string;
    readonly httpPort: number;
    readonly httpsPort: number;
    /** Private port of stub_status, for the Prometheus exporter. */
    readonly statusPort: number;
    /** Networks allowed to read stub_status (the VPC). */
    readonly statusAllowedFrom: readonly string[];
    /** API servers as "ip:port". */
    readonly apiUpstreams: readonly string[];
    /** Relay RPC behind its internal load balancer, "host:port"; without it, /rpc is not served. */
    readonly rpcUpstream?: string;
    readonly certificatePath: string;
    readonly certificateKeyPath: string;
    /** Requests per second per client address, and the burst allowed above it. */
    readonly rateLimit: { readonly perSecond: number; readonly burst: number };
}

export const NGINX_PATHS = {
    certificate: "/etc/nginx/tls/fullchain.pem",
    certificateKey: "/etc/nginx/tls/privkey.pem",
    /** Answered by Nginx itself: the EC2-level check (Route 53 health checks), not the API's health. */
    health: "/healthz",
    /** Nginx's counters, on the private status port only (the Nginx exporter reads them). */
    status: "/stub_status",
    /** Prefix of the relays' RPC (what follows it goes to the relays as the path). */
    rpc: "/rpc/",
} as const;

const indent = (lines: readonly string[], depth: number) =>
    lines.map((l) => (l === "" ? "" : `${"    ".repeat(depth)}${l}`));

function proxyLocation(path: string, upstream: string, zone: string, burst: number): string[] {
    return [
        `location ${path} {`,
        `    limit_req zone=${zone} burst=${burst} nodelay;`,
        `    proxy_pass http://${upstream};`,
        "    proxy_http_version 1.1;",
        '    proxy_set_header Connection "";',
        "    proxy_set_header Host $host;",
        "    proxy_set_header X-Real-IP $remote_addr;",
        "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "    proxy_set_header X-Forwarded-Proto https;",
        "    proxy_connect_timeout 5s;",
        "    proxy_read_timeout 30s;",
        "    proxy_next_upstream error timeout http_502 http_503;",
        "}",
    ];
}

/** /rpc/ to the relays' load balancer, resolved through the VPC resolver at request time. */
function rpcLocation(upstream: string, burst: number): string[] {
    return [
        `location ${NGINX_PATHS.rpc} {`,
        `    set $chain_rpc ${upstream};`,
        `    rewrite ^${NGINX_PATHS.rpc}(.*)$ /$1 break;`,
        `    limit_req zone=per_client burst=${burst} nodelay;`,
        "    proxy_pass http://$chain_rpc;",
        "    proxy_http_version 1.1;",
        "    proxy_set_header Host $host;",
        "    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "    proxy_connect_timeout 5s;",
        "    proxy_read_timeout 30s;",
        "}",
    ];
}

export function renderNginxConfig(c: NginxConfig): string {
    if (c.apiUpstreams.length === 0) {
        throw new RangeError("nginx needs at least one API upstream");
    }
    const http = [
        "include /etc/nginx/mime.types;",
        "default_type application/octet-stream;",
        "sendfile on;",
        "server_tokens off;",
        "keepalive_timeout 65s;",
        "client_max_body_size 1m;",
        "",
        'log_format main \'$remote_addr - [$time_iso8601] "$request" $status $body_bytes_sent $request_time $upstream_response_time "$http_user_agent"\';',
        "access_log /var/log/nginx/access.log main;",
        "",
        `limit_req_zone $binary_remote_addr zone=per_client:10m rate=${c.rateLimit.perSecond}r/s;`,
        "limit_req_status 429;",
        "limit_conn_zone $binary_remote_addr zone=conn_per_client:10m;",
        "",
        "upstream api {",
        ...c.apiUpstreams.map((u) => `    server ${u} max_fails=3 fail_timeout=10s;`),
        "    keepalive 32;",
        "}",
        // The relays' NLB is a DNS name whose addresses may change: resolve it per request, not once at start.
        ...(c.rpcUpstream
            ? ["", "resolver 169.254.169.253 valid=30s ipv6=off;", "resolver_timeout 5s;"]
            : []),
        "",
        "server {",
        `    listen ${c.httpPort} default_server;`,
        `    server_name ${c.serverName};`,
        `    location = ${NGINX_PATHS.health} { access_log off; return 200 "ok\\n"; }`,
        `    location / { return 301 https://${c.serverName}$request_uri; }`,
        "}",
        "",
        "server {",
        // "listen … http2" rather than "http2 on": the servers' Nginx (Ubuntu 24.04: 1.24) predates the directive.
        `    listen ${c.httpsPort} ssl http2 default_server;`,
        `    server_name ${c.serverName};`,
        `    ssl_certificate ${c.certificatePath};`,
        `    ssl_certificate_key ${c.certificateKeyPath};`,
        "    ssl_protocols TLSv1.2 TLSv1.3;",
        "    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;",
        "    ssl_prefer_server_ciphers off;",
        "    ssl_session_cache shared:TLS:10m;",
        "    ssl_session_timeout 1d;",
        "    ssl_session_tickets off;",
        '    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
        '    add_header X-Content-Type-Options "nosniff" always;',
        '    add_header X-Frame-Options "DENY" always;',
        "    limit_conn conn_per_client 50;",
        "",
        `    location = ${NGINX_PATHS.health} { access_log off; return 200 "ok\\n"; }`,
        ...indent(proxyLocation("/", "api", "per_client", c.rateLimit.burst), 1),
        ...(c.rpcUpstream ? indent(rpcLocation(c.rpcUpstream, c.rateLimit.burst), 1) : []),
        "}",
        "",
        "server {",
        `    listen ${c.statusPort};`,
        "    server_name _;",
        ...c.statusAllowedFrom.map((cidr) => `    allow ${cidr};`),
        "    deny all;",
        `    location = ${NGINX_PATHS.status} { stub_status; access_log off; }`,
        "}",
    ];
    return [
        "# Rendered by chain-platform (components/load-balancer/nginx.ts); changes here are overwritten.",
        "user www-data;",
        "worker_processes auto;",
        "pid /run/nginx.pid;",
        "error_log /var/log/nginx/error.log warn;",
        "",
        "events {",
        "    worker_connections 4096;",
        "}",
        "",
        "http {",
        ...indent(http, 1),
        "}",
        "",
    ].join("\n");
}
