# jq definitions over network/organisations.json, the organisation roster (schema: network/README.md).
# Used by scripts/network-lib.sh (jq -L network 'include "roster"; ...'): validation, the shell view
# of the roster, the generated cryptogen and configtxgen input, the endorsement policy, and the
# cross-checks of generated files. Unless stated otherwise the input is the roster.

# The short key of an organisation: process names (peer-<key>), runtime dirs, network.sh arguments.
def org_key: .name | ascii_downcase;

def dup_values: group_by(.) | map(select(length > 1) | .[0]) | .[];
def is_port: type == "number" and . == floor and . > 0 and . < 65536;

# Problems of the roster as strings (none: valid). $reserved: other ports of the network (JSON array).
def roster_errors($reserved):
  def need_string($what; $re):
    if (.[$what] | type) != "string" or (.[$what] | test($re) | not)
    then "\(.name // "?"): \($what) \(.[$what] | tojson) must match \($re)" else empty end;
  [ (if .schemaVersion != 1 then "schemaVersion must be 1 (is \(.schemaVersion | tojson))" else empty end),
    (if (.organisations | type) != "array" or (.organisations | length) == 0
     then "organisations must be a non-empty array" else empty end),
    (.organisations[]? |
       need_string("name"; "^[A-Z][A-Za-z0-9]*$"),
       need_string("mspId"; "^[A-Za-z][A-Za-z0-9.-]*$"),
       need_string("domain"; "^[a-z0-9][a-z0-9.-]*$"),
       # Its simulated host (scripts/network.sh in netns mode): 198.18.0.0/24, never routed anywhere.
       need_string("address"; "^198\\.18\\.0\\.([2-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-3])$"),
       (if (.role | IN("MEE", "REGISTRY", "EXCHANGE", "PROVINCE", "AUDITOR", "SETTLEMENT_BANK")) | not
        then "\(.name): role \(.role | tojson) is not one of MEE, REGISTRY, EXCHANGE, PROVINCE, AUDITOR, SETTLEMENT_BANK" else empty end),
       (if .role == "PROVINCE" then
          if (.province | type) != "string" or (.province | test("^[A-Z]{2}$") | not)
          then "\(.name): a PROVINCE organisation needs a two-letter upper-case province code"
          # The chaincode (OrganisationRoles) derives an identity's province from its MSP id.
          elif .mspId != "Province\(.province)MSP" then "\(.name): mspId must be Province\(.province)MSP"
          else empty end
        elif .province != null then "\(.name): only PROVINCE organisations have a province"
        else empty end),
       (if ([.caSubject.country, .caSubject.province, .caSubject.locality] | map(type == "string") | all) | not
        then "\(.name): caSubject needs country, province and locality" else empty end),
       (.name as $n | .peer | ("port", "chaincodePort", "operationsPort") as $p
          | if (.[$p] | is_port) | not then "\($n): peer.\($p) must be a port number" else empty end)),
    (("MEE", "REGISTRY", "EXCHANGE") as $role
       | [.organisations[]? | select(.role == $role)] | length
       | if . != 1 then "exactly one organisation must have role \($role) (found \(.))" else empty end),
    ([.organisations[]? | select(.role == "SETTLEMENT_BANK")] | length
       | if . > 1 then "at most one organisation may have role SETTLEMENT_BANK (found \(.))" else empty end),
    ([.organisations[]? | org_key] | dup_values | "duplicate organisation name (case-insensitive): \(.)"),
    ([.organisations[]?.mspId] | dup_values | "duplicate mspId: \(.)"),
    ([.organisations[]?.domain] | dup_values | "duplicate domain: \(.)"),
    ([.organisations[]?.address] | dup_values | "duplicate address: \(.)"),
    ([.organisations[]? | .province // empty] | dup_values | "duplicate province: \(.)"),
    (if has("ordererOrganisation") then "ordererOrganisation is gone: each orderer names the organisation that runs it" else empty end),
    (if (.orderers | type) != "array" or (.orderers | length) == 0 then "orderers must be a non-empty array" else empty end),
    ([.organisations[]? | {key: .name, value: .role}] | from_entries) as $roles
    | (.orderers[]? |
       need_string("name"; "^[a-z][a-z0-9]*$"),
       (if ($roles[.organisation // ""] // null) == null
        then "\(.name): organisation \(.organisation | tojson) is not in the roster"
        elif $roles[.organisation] | IN("AUDITOR", "SETTLEMENT_BANK")
        then "\(.name): the \($roles[.organisation]) organisation \(.organisation) does not order" else empty end),
       (if (.consenterId | is_port) | not then "\(.name): consenterId must be a positive integer" else empty end),
       (.name as $n | ("port", "adminPort", "operationsPort") as $p
          | if (.[$p] | is_port) | not then "\($n): \($p) must be a port number" else empty end)),
    ([.orderers[]?.name] | dup_values | "duplicate orderer name: \(.)"),
    ([.orderers[]?.consenterId] | dup_values | "duplicate consenterId: \(.)"),
    ([(.organisations[]?.peer | .port, .chaincodePort, .operationsPort),
      (.orderers[]? | .port, .adminPort, .operationsPort), $reserved[]] | dup_values | "port \(.) is used twice")
  ];

# Bash assignments (for eval) that define the roster's arrays in scripts/network-lib.sh.
def shell_view:
  (.organisations[] | org_key as $k | ($k | @sh) as $q |
     "ORGS+=(\($q))",
     "ORG_NAME[\($q)]=\(.name | @sh)",
     "ORG_MSP[\($q)]=\(.mspId | @sh)",
     "ORG_ROLE[\($q)]=\(.role | @sh)",
     "ORG_PROVINCE[\($q)]=\((.province // "") | @sh)",
     "ORG_DOMAIN[\($q)]=\(.domain | @sh)",
     "ORG_ADDRESS[\($q)]=\(.address | @sh)",
     "PEER_PORT[\($q)]=\(.peer.port | @sh)",
     "PEER_CC_PORT[\($q)]=\(.peer.chaincodePort | @sh)",
     "PEER_OPS_PORT[\($q)]=\(.peer.operationsPort | @sh)"),
  (.orderers[] | (.name | @sh) as $q |
     "ORDERERS+=(\($q))",
     "ORDERER_ORG[\($q)]=\(.organisation | ascii_downcase | @sh)",
     "ORDERER_PORT[\($q)]=\(.port | @sh)",
     "ORDERER_ADMIN_PORT[\($q)]=\(.adminPort | @sh)",
     "ORDERER_OPS_PORT[\($q)]=\(.operationsPort | @sh)");

# The chaincode endorsement policy: $template with {REGISTRY} replaced by the REGISTRY organisation's
# peer principal and {OTHERS} by the peer principals of every other organisation that writes, in
# roster order. AUDITOR organisations are readers: in no endorsement policy.
def endorsement_policy($template):
  def principals(f): [.organisations[] | select(f) | "'\(.mspId).peer'"] | join(",");
  principals(.role == "REGISTRY") as $registry
  | principals(.role != "REGISTRY" and .role != "AUDITOR") as $others
  | $template | split("{REGISTRY}") | join($registry) | split("{OTHERS}") | join($others);

def ca_subject: {Country: .caSubject.country, Province: .caSubject.province, Locality: .caSubject.locality};

# Where the other organisations reach an organisation's nodes. $mode "loopback": every process on
# 127.0.0.1 (development); "netns": each organisation on its own simulated host, reached by host name
# (the generated hosts map resolves peer0.<domain> and <orderer>.<domain> to the organisation's address).
def peer_endpoint_host($mode): if $mode == "netns" then "peer0.\(.domain)" else "127.0.0.1" end;
def orderer_endpoint_host($org; $mode): if $mode == "netns" then "\(.name).\($org.domain)" else "127.0.0.1" end;

# One organisation's own cryptogen input (scripts/org.sh <org> init): its CA, its TLS CA, its peer and
# its admin, nothing of any other organisation. Every TLS certificate carries the node's host name
# (cryptogen adds it), the organisation's simulated address, 127.0.0.1 and localhost. Input: one
# roster organisation.
def org_sans: [.address, "127.0.0.1", "localhost"];
def org_crypto_config:
  {PeerOrgs: [{Name: .name, Domain: .domain, EnableNodeOUs: true, CA: ca_subject,
               Template: {Count: 1, SANS: org_sans}, Users: {Count: 0}}]};

# The orderers the organisation runs, for `cryptogen extend` over a copy of its own CA (so the
# orderers' certificates are issued by the organisation's CA, with OU=orderer). Input: one roster
# organisation; $orderers: the roster's orderers of this organisation.
def org_orderer_config($orderers):
  org_sans as $sans
  | {OrdererOrgs: [{Name: .name, Domain: .domain, EnableNodeOUs: true, CA: ca_subject,
                    Specs: [$orderers[] | {Hostname: .name, SANS: $sans}]}]};

def signature($rule): {Type: "Signature", Rule: $rule};

def orderers_of($r): .name as $n | [$r.orderers[] | select(.organisation == $n)];

# An organisation of the channel, from what it published (scripts/org.sh <org> init: public/<key>/msp
# holds its CA and TLS CA certificates and the NodeOU configuration, no key). Readers include its
# orderers (they pull blocks from each other), Writers its admin and clients (and its orderers,
# whose consensus messages the orderer group's Writers policy checks). An AUDITOR
# organisation reads every block with its own peer; its clients are not Writers (only its admin is,
# to approve the chaincode definition so that its peer answers its own queries), and the lifecycle
# counts no approval of it (lifecycle_policy). An organisation that runs orderers lists their
# endpoints (used where it is an orderer organisation).
def channel_org($r; $mode):
  . as $o | .mspId as $m
  | (orderers_of($r) | length > 0) as $orders
  | (if .role == "AUDITOR" then "'\($m).admin'" else "'\($m).admin','\($m).client'" end) as $w
  # SmartBFT verifies the consenters' votes and block signatures against /Channel/Orderer/Writers.
  | (if $orders then "OR(\($w),'\($m).orderer')" else "OR(\($w))" end) as $writers
  | {Name: $m, ID: $m, MSPDir: "public/\(org_key)/msp",
     Policies: {Readers: signature("OR('\($m).admin','\($m).peer','\($m).client','\($m).orderer')"),
                Writers: signature($writers),
                Admins: signature("OR('\($m).admin')"),
                Endorsement: signature("OR('\($m).peer')")},
     AnchorPeers: [{Host: peer_endpoint_host($mode), Port: .peer.port}]}
  + (orderers_of($r) as $os
     | if ($os | length) > 0 then {OrdererEndpoints: [$os[] | "\(orderer_endpoint_host($o; $mode)):\(.port)"]} else {} end);

# SmartBFT consenters: each run by its organisation (MSPID), identity = the orderer's enrollment
# certificate and TLS certificate as the organisation published them; cluster traffic shares each
# orderer's client port.
def consenters($mode):
  . as $r
  | [.orderers[] | . as $ord | ($r.organisations[] | select(.name == $ord.organisation)) as $o
     | "public/\($o | org_key)/orderers/\(.name)" as $d
     | {ID: .consenterId, Host: orderer_endpoint_host($o; $mode), Port: .port, MSPID: $o.mspId,
        Identity: "\($d)/cert.pem", ClientTLSCert: "\($d)/tls.pem", ServerTLSCert: "\($d)/tls.pem"}];

# Whether an organisation's approval counts towards a chaincode definition: the authorities and
# the provinces govern the registry's code; a reader (AUDITOR) and the settlement bank, a
# participant that writes only its own funds confirmations, do not.
def governs: .role | IN("AUDITOR", "SETTLEMENT_BANK") | not;

# The chaincode lifecycle's policy: a majority of the peers of the organisations that govern
# (governs), so neither a reader's nor the bank's approval counts towards a definition.
def lifecycle_policy:
  [.organisations[] | select(governs) | "'\(.mspId).peer'"] as $p
  | "OutOf(\(($p | length) / 2 | floor + 1), \($p | join(",")))";

# configtxgen input: the input is network/configtx.template.yaml (as JSON); $r is the roster. Fills
# in the organisations (from their published material), the orderer organisations (those that run
# a consenter), the consenters (top level and in every profile) and the application's lifecycle and
# default endorsement policies.
def configtx($r; $mode):
  [$r.organisations[] | channel_org($r; $mode)] as $apps
  | [$r.organisations[] | select(orderers_of($r) | length > 0) | channel_org($r; $mode)] as $ordering
  | ($r | consenters($mode)) as $consenters
  | ($r | lifecycle_policy) as $lifecycle
  | .Organizations = $apps
  | .Orderer.ConsenterMapping = $consenters
  | .Application.Policies.LifecycleEndorsement = signature($lifecycle)
  | .Application.Policies.Endorsement = signature($lifecycle)
  | .Profiles |= map_values(
        (if has("Orderer") then .Orderer.Organizations = $ordering | .Orderer.ConsenterMapping = $consenters else . end)
      | (if has("Application") then .Application.Organizations = $apps
           | .Application.Policies.LifecycleEndorsement = signature($lifecycle)
           | .Application.Policies.Endorsement = signature($lifecycle) else . end));

# Cross-checks of generated files (input: the file as JSON), independent of the generators above.
# An organisation's cryptogen input ($o: the roster entry) holds that organisation only.
def org_crypto_config_errors($o):
  [.PeerOrgs[]?] as $p
  | if ($p | length) != 1 or (.OrdererOrgs // [] | length) != 0
    then "crypto-config of \($o.name): \($p | length) peer organisations and \(.OrdererOrgs // [] | length) orderer organisations (want 1 and 0)"
    else $p[0]
      | if .Name != $o.name or .Domain != $o.domain then "crypto-config of \($o.name): it generates \(.Name) / \(.Domain)"
        elif .EnableNodeOUs != true then "crypto-config: \($o.name) without NodeOUs"
        elif ((.Template.Count // 0) + (.Specs // [] | length)) < 1 then "crypto-config: \($o.name) has no peer"
        elif .CA != ($o | ca_subject) then "crypto-config: \($o.name) CA subject \(.CA | tojson) differs from the roster"
        else empty end end;

# The channel: every roster organisation present with its published MSP, the orderer organisations
# exactly those that run the roster's orderers, each consenter with its organisation's MSP id.
def configtx_errors($r):
  . as $t
  | [$r.organisations[].mspId] as $msps
  | ($r.organisations[] | . as $o
       | [$t.Organizations[]? | select(.ID == $o.mspId)] as $found
       | if ($found | length) != 1 then "configtx: organisation \($o.mspId) appears \($found | length) times in Organizations"
         else $found[0]
           | if .MSPDir != "public/\($o | org_key)/msp" then "configtx: \($o.mspId) MSPDir \(.MSPDir) is not its published MSP"
             elif any(.AnchorPeers[]?; .Port == $o.peer.port) | not then "configtx: \($o.mspId) has no anchor peer on port \($o.peer.port)"
             else empty end end),
    ([$r.orderers[] | .organisation as $n | $r.organisations[] | select(.name == $n) | .mspId] | unique) as $ordering
    | ($t.Profiles | to_entries[] | .key as $p | .value
       | (select(has("Application")) | [.Application.Organizations[]?.ID] as $ids
          | ($msps - $ids | .[] | "configtx: profile \($p) lacks application organisation \(.)"),
            ($ids - $msps | .[] | "configtx: profile \($p) has application organisation \(.), which is not in the roster")),
         (select(has("Orderer")) | .Orderer
          | ([.ConsenterMapping[]? | "\(.ID)/\(.Port)/\(.MSPID)"] | sort) as $have
          | ([$r.orderers[] | .organisation as $n
              | "\(.consenterId)/\(.port)/\($r.organisations[] | select(.name == $n) | .mspId)"] | sort) as $want
          | if $have != $want then "configtx: profile \($p) consenters \($have | join(" ")), the roster \($want | join(" "))" else empty end,
            (([.Organizations[]?.ID] | sort) as $ids
             | if $ids != $ordering then "configtx: profile \($p) orderer organisations \($ids | join(",")), the roster's \($ordering | join(","))" else empty end)));

# The hosts map of the simulated hosts: every organisation's address with its peer, chaincode
# server and orderer names; $ops: the operator's host.
def hosts_map($ops):
  . as $r
  | (.organisations[] | . as $o
     | ([ "peer0.\(.domain)", "chaincode.\(.domain)" ] + [$r.orderers[] | select(.organisation == $o.name) | "\(.name).\($o.domain)"])
     | "\($o.address) \(join(" "))"),
    "\($ops) ops.carbon.local";

def policy_errors($policy):
  .organisations[] | "'\(.mspId).peer'" as $p
  | if .role == "AUDITOR" then
      (if ($policy | contains($p)) then "endorsement policy names the reader \($p): \($policy)" else empty end)
    elif ($policy | contains($p)) then empty else "endorsement policy lacks \($p): \($policy)" end;
