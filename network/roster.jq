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
       (if (.role | IN("MEE", "REGISTRY", "EXCHANGE", "PROVINCE", "AUDITOR")) | not
        then "\(.name): role \(.role | tojson) is not one of MEE, REGISTRY, EXCHANGE, PROVINCE, AUDITOR" else empty end),
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
    ([.organisations[]? | org_key] | dup_values | "duplicate organisation name (case-insensitive): \(.)"),
    ([.organisations[]?.mspId, .ordererOrganisation.mspId] | dup_values | "duplicate mspId: \(.)"),
    ([.organisations[]?.domain, .ordererOrganisation.domain] | dup_values | "duplicate domain: \(.)"),
    ([.organisations[]? | .province // empty] | dup_values | "duplicate province: \(.)"),
    (.ordererOrganisation | if type != "object" then "ordererOrganisation is missing" else
       need_string("name"; "^[A-Z][A-Za-z0-9]*$"), need_string("mspId"; "^[A-Za-z][A-Za-z0-9.-]*$"),
       need_string("domain"; "^[a-z0-9][a-z0-9.-]*$") end),
    (if (.orderers | type) != "array" or (.orderers | length) == 0 then "orderers must be a non-empty array" else empty end),
    (.orderers[]? |
       need_string("name"; "^[a-z][a-z0-9]*$"),
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
     "PEER_PORT[\($q)]=\(.peer.port | @sh)",
     "PEER_CC_PORT[\($q)]=\(.peer.chaincodePort | @sh)",
     "PEER_OPS_PORT[\($q)]=\(.peer.operationsPort | @sh)"),
  "ORDERER_ORG_NAME=\(.ordererOrganisation.name | @sh)",
  "ORDERER_MSP=\(.ordererOrganisation.mspId | @sh)",
  "ORDERER_DOMAIN=\(.ordererOrganisation.domain | @sh)",
  (.orderers[] | (.name | @sh) as $q |
     "ORDERERS+=(\($q))",
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

# cryptogen input. Every TLS certificate carries $host and localhost as SANs; the chaincode
# server's TLS identity (not a channel member) is the extra peer organisation ChaincodeService.
def crypto_config($host; $ccaas_domain; $ccaas_host):
  . as $r
  | [$host, "localhost"] as $sans
  | {OrdererOrgs: [$r.ordererOrganisation | {Name: .name, Domain: .domain, EnableNodeOUs: true, CA: ca_subject,
                                            Specs: [$r.orderers[] | {Hostname: .name, SANS: $sans}]}],
     PeerOrgs: ([$r.organisations[] | {Name: .name, Domain: .domain, EnableNodeOUs: true, CA: ca_subject,
                                       Template: {Count: 1, SANS: $sans}, Users: {Count: 0}}]
                + [{Name: "ChaincodeService", Domain: $ccaas_domain, EnableNodeOUs: false,
                    Specs: [{Hostname: $ccaas_host, SANS: $sans}], Users: {Count: 0}}])};

def signature($rule): {Type: "Signature", Rule: $rule};

# An AUDITOR organisation reads every block with its own peer; its clients are not Writers (only its
# admin is, to approve the chaincode definition so that its peer answers its own queries), and the
# lifecycle counts no approval of it (lifecycle_policy).
def application_org($host):
  .mspId as $m
  | (if .role == "AUDITOR" then "OR('\($m).admin')" else "OR('\($m).admin','\($m).client')" end) as $writers
  | {Name: $m, ID: $m, MSPDir: "crypto/peerOrganizations/\(.domain)/msp",
     Policies: {Readers: signature("OR('\($m).admin','\($m).peer','\($m).client')"),
                Writers: signature($writers),
                Admins: signature("OR('\($m).admin')"),
                Endorsement: signature("OR('\($m).peer')")},
     AnchorPeers: [{Host: $host, Port: .peer.port}]};

def orderer_org($host):
  . as $r | .ordererOrganisation | .mspId as $m
  | {Name: $m, ID: $m, MSPDir: "crypto/ordererOrganizations/\(.domain)/msp",
     Policies: {Readers: signature("OR('\($m).member')"),
                Writers: signature("OR('\($m).member')"),
                Admins: signature("OR('\($m).admin')")},
     OrdererEndpoints: [$r.orderers[] | "\($host):\(.port)"]};

# SmartBFT consenters: identity = each orderer's enrollment certificate; cluster traffic shares
# each orderer's client port.
def consenters($host):
  .ordererOrganisation as $o
  | [.orderers[] | "crypto/ordererOrganizations/\($o.domain)/orderers/\(.name).\($o.domain)" as $d
     | {ID: .consenterId, Host: $host, Port: .port, MSPID: $o.mspId,
        Identity: "\($d)/msp/signcerts/\(.name).\($o.domain)-cert.pem",
        ClientTLSCert: "\($d)/tls/server.crt", ServerTLSCert: "\($d)/tls/server.crt"}];

# The chaincode lifecycle's policy: a majority of the peers of the organisations that write (every
# organisation but the AUDITOR ones), so a reader's approval never counts towards a definition.
def lifecycle_policy:
  [.organisations[] | select(.role != "AUDITOR") | "'\(.mspId).peer'"] as $p
  | "OutOf(\(($p | length) / 2 | floor + 1), \($p | join(",")))";

# configtxgen input: the input is network/configtx.template.yaml (as JSON); $r is the roster. Fills
# in the organisations, the orderer endpoints, the consenters (top level and in every profile) and
# the application's lifecycle and default endorsement policies.
def configtx($r; $host):
  ($r | orderer_org($host)) as $orderer
  | [$r.organisations[] | application_org($host)] as $apps
  | ($r | consenters($host)) as $consenters
  | ($r | lifecycle_policy) as $lifecycle
  | .Organizations = [$orderer] + $apps
  | .Orderer.ConsenterMapping = $consenters
  | .Application.Policies.LifecycleEndorsement = signature($lifecycle)
  | .Application.Policies.Endorsement = signature($lifecycle)
  | .Profiles |= map_values(
        (if has("Orderer") then .Orderer.Organizations = [$orderer] | .Orderer.ConsenterMapping = $consenters else . end)
      | (if has("Application") then .Application.Organizations = $apps
           | .Application.Policies.LifecycleEndorsement = signature($lifecycle)
           | .Application.Policies.Endorsement = signature($lifecycle) else . end));

# Cross-checks of generated files (input: the file as JSON), independent of the generators above:
# every roster organisation and orderer must be present, nothing else may be.
def crypto_config_errors($r):
  . as $c
  | ($r.organisations[] | . as $o
       | [$c.PeerOrgs[]? | select(.Name == $o.name)] as $found
       | if ($found | length) != 1 then "crypto-config: organisation \($o.name) appears \($found | length) times in PeerOrgs"
         else $found[0]
           | if .Domain != $o.domain then "crypto-config: \($o.name) has domain \(.Domain), the roster \($o.domain)"
             elif .EnableNodeOUs != true then "crypto-config: \($o.name) without NodeOUs"
             elif ((.Template.Count // 0) + (.Specs // [] | length)) < 1 then "crypto-config: \($o.name) has no peer"
             elif .CA != ($o | ca_subject) then "crypto-config: \($o.name) CA subject \(.CA | tojson) differs from the roster"
             else empty end end),
    ($c.PeerOrgs[]? | select(.Name != "ChaincodeService") | .Name as $n
       | if any($r.organisations[]; .name == $n) then empty else "crypto-config: PeerOrgs has \($n), which is not in the roster" end),
    ([$c.OrdererOrgs[]? | select(.Domain == $r.ordererOrganisation.domain)] as $oo
       | if ($oo | length) != 1 then "crypto-config: no orderer organisation \($r.ordererOrganisation.domain)"
         else ([$oo[0].Specs[]?.Hostname] | sort) as $h | ([$r.orderers[].name] | sort) as $want
           | if $h != $want then "crypto-config: orderer hosts \($h | join(",")), the roster \($want | join(","))" else empty end end);

def configtx_errors($r):
  . as $t
  | [$r.organisations[].mspId] as $msps
  | ($r.organisations[] | . as $o
       | [$t.Organizations[]? | select(.ID == $o.mspId)] as $found
       | if ($found | length) != 1 then "configtx: organisation \($o.mspId) appears \($found | length) times in Organizations"
         else $found[0]
           | if .MSPDir != "crypto/peerOrganizations/\($o.domain)/msp" then "configtx: \($o.mspId) MSPDir \(.MSPDir)"
             elif any(.AnchorPeers[]?; .Port == $o.peer.port) | not then "configtx: \($o.mspId) has no anchor peer on port \($o.peer.port)"
             else empty end end),
    ($t.Profiles | to_entries[] | .key as $p | .value
       | (select(has("Application")) | [.Application.Organizations[]?.ID] as $ids
          | ($msps - $ids | .[] | "configtx: profile \($p) lacks application organisation \(.)"),
            ($ids - $msps | .[] | "configtx: profile \($p) has application organisation \(.), which is not in the roster")),
         (select(has("Orderer")) | .Orderer
          | ([.ConsenterMapping[]? | "\(.ID)/\(.Port)/\(.MSPID)"] | sort) as $have
          | ([$r.orderers[] | "\(.consenterId)/\(.port)/\($r.ordererOrganisation.mspId)"] | sort) as $want
          | if $have != $want then "configtx: profile \($p) consenters \($have | join(" ")), the roster \($want | join(" "))" else empty end,
            (if any(.Organizations[]?; .ID == $r.ordererOrganisation.mspId) then empty
             else "configtx: profile \($p) lacks orderer organisation \($r.ordererOrganisation.mspId)" end)));

def policy_errors($policy):
  .organisations[] | "'\(.mspId).peer'" as $p
  | if .role == "AUDITOR" then
      (if ($policy | contains($p)) then "endorsement policy names the reader \($p): \($policy)" else empty end)
    elif ($policy | contains($p)) then empty else "endorsement policy lacks \($p): \($policy)" end;
