<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>k3snetctl</name>
    <message>
        <location filename="../app/k3snetctl/cli.cpp" line="+44" />
        <source>cannot read standard input</source>
        <translation>Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+23" />
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+18" />
        <source>no problems found</source>
        <translation>keine Probleme gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform><numerusform>%n Fehler</numerusform></translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform><numerusform>%n Warnungen</numerusform></translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/main.cpp" line="+22" />
        <source>check project files and report every problem</source>
        <translation>Projektdateien prüfen und jedes Problem melden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>show nodes, pod subnets, VTEPs, pools, services and diagnostics</source>
        <translation>Knoten, Pod-Subnetze, VTEPs, Pools, Services und Befunde anzeigen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Usage: k3snetctl &lt;command&gt; [options] [arguments]</source>
        <translation>Aufruf: k3snetctl &lt;Befehl&gt; [Optionen] [Argumente]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The network of a K3s cluster (flannel-compatible VXLAN, MetalLB-style pools) as one plan.</source>
        <translation>Das Netzwerk eines K3s-Clusters (flannel-kompatibles VXLAN, Pools wie bei MetalLB) als ein Plan.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Run "k3snetctl &lt;command&gt; --help" for a command's options.</source>
        <translation>„k3snetctl &lt;Befehl&gt; --help“ zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>k3snetctl: unknown command "%1"</source>
        <translation>k3snetctl: unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/plancommand.cpp" line="+38" />
        <source>Plan for %1 (%2)</source>
        <translation>Plan für %1 (%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>NODES</source>
        <translation>KNOTEN</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+18" />
        <location line="+21" />
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="-39" />
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>LAN IP</source>
        <translation>LAN-IP</translation>
    </message>
    <message>
        <location line="+0" />
        <source>POD SUBNET</source>
        <translation>POD-SUBNETZ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VTEP</source>
        <translation>VTEP</translation>
    </message>
    <message>
        <location line="+0" />
        <source>VTEP ADDRESS</source>
        <translation>VTEP-ADRESSE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>VTEP MAC</source>
        <translation>VTEP-MAC</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CNI0</source>
        <translation>CNI0</translation>
    </message>
    <message>
        <location line="+0" />
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <location line="+4" />
        <source> (pinned)</source>
        <translation> (fest)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>  (no nodes)</source>
        <translation>  (keine Knoten)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>POOLS</source>
        <translation>POOLS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ADDRESSES</source>
        <translation>ADRESSEN</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ASSIGNED</source>
        <translation>VERGEBEN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>AVAILABLE</source>
        <translation>FREI</translation>
    </message>
    <message>
        <location line="+0" />
        <source>AUTO-ASSIGN</source>
        <translation>AUTO-VERGABE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>AVOID-BUGGY-IPS</source>
        <translation>FEHLERANFÄLLIGE-IPS-MEIDEN</translation>
    </message>
    <message>
        <location line="+11" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+3" />
        <source>  (no pools)</source>
        <translation>  (keine Pools)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>SERVICES</source>
        <translation>SERVICES</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CLUSTER-IP</source>
        <translation>CLUSTER-IP</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EXTERNAL-IP</source>
        <translation>EXTERNE-IP</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PORTS</source>
        <translation>PORTS</translation>
    </message>
    <message>
        <location line="+0" />
        <source>POOL</source>
        <translation>POOL</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ANNOUNCER</source>
        <translation>ANKÜNDIGER</translation>
    </message>
    <message>
        <location line="+7" />
        <source> (then %1)</source>
        <translation> (danach %1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>  (no services)</source>
        <translation>  (keine Services)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>  %1/%2 is pending: %3</source>
        <translation>  %1/%2 wartet: %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>DIAGNOSTICS</source>
        <translation>BEFUNDE</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  none: the plan is valid</source>
        <translation>  keine: der Plan ist gültig</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Show the network plan of a project: each node's pod subnet, VTEP and cni0 bridge, the address
pools, the services and their IPs, and every diagnostic.
Exit status: 0 when the plan has no error, 1 on errors, 2 on usage or I/O errors.</source>
        <translation>Zeigt den Netzwerkplan eines Projekts: Pod-Subnetz, VTEP und cni0-Bridge jedes Knotens, die
Adresspools, die Services mit ihren IPs und jeden Befund.
Exit-Status: 0 ohne Fehler im Plan, 1 bei Fehlern, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+4" />
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+20" />
        <source>Output format: text or json.</source>
        <translation>Ausgabeformat: text oder json.</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+1" />
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan the bundled demo project (the seed's Pi cluster).</source>
        <translation>Das mitgelieferte Demoprojekt planen (der Pi-Cluster aus der Vorlage).</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A project file (*.k3snet.yaml); - reads standard input.</source>
        <translation>Eine Projektdatei (*.k3snet.yaml); - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>k3snetctl plan: unknown format "%1" (use text or json)</source>
        <translation>k3snetctl plan: unbekanntes Format „%1“ (text oder json verwenden)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>k3snetctl plan: give exactly one project file, or --demo (try --help)</source>
        <translation>k3snetctl plan: genau eine Projektdatei oder --demo angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>k3snetctl plan: %1</source>
        <translation>k3snetctl plan: %1</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/validatecommand.cpp" line="-4" />
        <source>Check k3snet project files: cluster and service CIDRs, DNS, MTU, nodes, pod subnets.
Exit status: 0 when there is no error (warnings allowed), 1 on errors, 2 on usage or I/O errors.</source>
        <translation>Prüft k3snet-Projektdateien: Cluster- und Service-CIDR, DNS, MTU, Knoten, Pod-Subnetze.
Exit-Status: 0 ohne Fehler (Warnungen erlaubt), 1 bei Fehlern, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Validate the bundled demo project.</source>
        <translation>Das mitgelieferte Demoprojekt prüfen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Project files (*.k3snet.yaml); - reads standard input.</source>
        <translation>Projektdateien (*.k3snet.yaml); - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>k3snetctl validate: unknown format "%1" (use text or json)</source>
        <translation>k3snetctl validate: unbekanntes Format „%1“ (text oder json verwenden)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>k3snetctl validate: no file given (try --help)</source>
        <translation>k3snetctl validate: keine Datei angegeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>k3snetctl validate: %1</source>
        <translation>k3snetctl validate: %1</translation>
    </message>
</context>
</TS>
