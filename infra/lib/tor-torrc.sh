# The torrc files of infra/tor-testnet.sh's private network, one function per kind of node.
# Sourced, not run. Every function prints a torrc on stdout; the caller sets TOR_NODES_DIR, the
# node's ports and TOR_DIR_AUTHORITY_LINES before calling.
#
# Shaped after chutney's "basic" network (torproject/chutney, torrc_templates/): the options below
# are the ones a private TestingTorNetwork needs to build a consensus and circuits within seconds
# on one loopback address. None of them is safe on the real Tor network.

# Options every node shares: testing mode, where it keeps things, how to reach and stop it.
#   tor_torrc_common NICKNAME [DATA_DIR, default $TOR_NODES_DIR/NICKNAME]
tor_torrc_common() {
  local name=$1
  local dir=${2:-$TOR_NODES_DIR/$name}
  cat <<TORRC
# Written by infra/tor-testnet.sh for a private test network on 127.0.0.1. Never on the real Tor network.
TestingTorNetwork 1
# Relays on one address, reachable without self-tests; three descriptors are enough for circuits.
AssumeReachable 1
PathsNeededToBuildCircuits 0.67
# Every relay gets the flags a path needs, whatever its bandwidth or uptime.
TestingDirAuthVoteExit *
TestingDirAuthVoteGuard *
TestingDirAuthVoteHSDir *
TestingMinExitFlagThreshold 0
V3AuthNIntervalsValid 2

DataDirectory $dir
Nickname $name
# In the foreground: infra/tor-testnet.sh runs it in its own session and keeps its pid.
RunAsDaemon 0
# The onion-service node takes ephemeral services (ADD_ONION) from tests over this socket.
ControlSocket $dir/control
CookieAuthentication 1
# Exit at once on TERM: a relay's default is to wait 30 s for its circuits to drain.
ShutdownWaitLength 0
# Debian's seccomp sandbox is tuned for its own paths; a test network gains nothing from it.
Sandbox 0
Log notice file $dir/notice.log
ProtocolWarnings 1
SafeLogging 0
LogTimeGranularity 1

$TOR_DIR_AUTHORITY_LINES
TORRC
}

# A directory authority: votes every few seconds so the first consensus comes quickly; also a guard.
#   tor_torrc_authority NAME ORPORT DIRPORT
tor_torrc_authority() {
  local name=$1 or_port=$2 dir_port=$3
  tor_torrc_common "$name"
  cat <<TORRC

SocksPort 0
Address 127.0.0.1
ORPort 127.0.0.1:$or_port
DirPort 127.0.0.1:$dir_port
ExitRelay 0
AuthoritativeDirectory 1
V3AuthoritativeDirectory 1
ContactInfo $name@tor-testnet.test
# Vote delay + distribution delay must stay under half the interval (tor votes at half the
# interval while there is no consensus yet).
TestingV3AuthInitialVotingInterval 10
TestingV3AuthInitialVoteDelay 2
TestingV3AuthInitialDistDelay 2
V3AuthVotingInterval 10
V3AuthVoteDelay 2
V3AuthDistDelay 2
TORRC
}

# A relay; an exit may leave the network only towards loopback (the testbed).
#   tor_torrc_relay NAME ORPORT exit|middle
tor_torrc_relay() {
  local name=$1 or_port=$2 role=$3
  tor_torrc_common "$name"
  cat <<TORRC

SocksPort 0
Address 127.0.0.1
ORPort 127.0.0.1:$or_port
ContactInfo $name@tor-testnet.test
TORRC
  if [ "$role" = exit ]; then
    cat <<'TORRC'
ExitRelay 1
ExitPolicyRejectPrivate 0
ExitPolicyRejectLocalInterfaces 0
ExitPolicy accept 127.0.0.0/8:*
ExitPolicy reject *:*
TORRC
  else
    echo 'ExitRelay 0'
  fi
}

# A client: the SOCKS port the crawler uses. IsolateSOCKSAuth is on by default: streams with
# different SOCKS credentials never share a circuit.
#   tor_torrc_client NICKNAME SOCKSPORT [DATA_DIR]
tor_torrc_client() {
  local name=$1 socks_port=$2
  tor_torrc_common "$name" "${3:-}"
  cat <<TORRC

SocksPort 127.0.0.1:$socks_port IsolateSOCKSAuth
TORRC
}

# The onion-service host: one static service in HiddenServiceDir, port 80 forwarded to TARGET.
#   tor_torrc_onion_service NAME TARGET
tor_torrc_onion_service() {
  local name=$1 target=$2
  tor_torrc_common "$name"
  cat <<TORRC

SocksPort 0
HiddenServiceDir $TOR_NODES_DIR/$name/hidden_service
HiddenServiceVersion 3
HiddenServicePort 80 $target
TORRC
}
