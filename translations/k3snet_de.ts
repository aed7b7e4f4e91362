<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>k3snetctl</name>
    <message>
        <location filename="../app/k3snetctl/cli.cpp" line="+77" />
        <source>cannot read standard input</source>
        <translation>Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+39" />
        <source>%1 and %2 are both project files; give at most one, and Kubernetes YAML to merge into it</source>
        <translation>%1 und %2 sind beide Projektdateien; höchstens eine angeben, dazu Kubernetes-YAML zum Einmischen</translation>
    </message>
    <message>
        <location line="+29" />
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>converted</source>
        <translation>umgewandelt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kept as is</source>
        <translation>unverändert behalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>applied</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 %3 (%4)</source>
        <translation>%1 %2 %3 (%4)</translation>
    </message>
    <message>
        <location line="+9" />
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
        <location line="+1" />
        <source>import Kubernetes/MetalLB YAML into a project</source>
        <translation>Kubernetes-/MetalLB-YAML in ein Projekt importieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>write a project's MetalLB resources or a node's k3s config</source>
        <translation>die MetalLB-Ressourcen eines Projekts oder die k3s-Konfiguration eines Knotens schreiben</translation>
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
        <location filename="../app/k3snetctl/plancommand.cpp" line="+39" />
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
Kubernetes and MetalLB YAML (manifests, kubectl get -o yaml dumps, the legacy ConfigMap) is
merged into the project file given, or into an empty project.
Exit status: 0 when the plan has no error, 1 on errors, 2 on usage or I/O errors.</source>
        <translation>Zeigt den Netzwerkplan eines Projekts: Pod-Subnetz, VTEP und cni0-Bridge jedes Knotens, die
Adresspools, die Services mit ihren IPs und jeden Befund.
Kubernetes- und MetalLB-YAML (Manifeste, Ausgaben von kubectl get -o yaml, die alte ConfigMap) wird
in die angegebene Projektdatei oder in ein leeres Projekt eingemischt.
Exit-Status: 0 ohne Fehler im Plan, 1 bei Fehlern, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>At most one project file (*.k3snet.yaml) and any Kubernetes/MetalLB YAML files; - reads standard input.</source>
        <translation>Höchstens eine Projektdatei (*.k3snet.yaml) und beliebige Kubernetes-/MetalLB-YAML-Dateien; - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>k3snetctl plan: give exactly one of --demo or files (try --help)</source>
        <translation>k3snetctl plan: entweder --demo oder Dateien angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="-24" />
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+23" />
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
        <location line="+17" />
        <source>k3snetctl plan: unknown format "%1" (use text or json)</source>
        <translation>k3snetctl plan: unbekanntes Format „%1“ (text oder json verwenden)</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+10" />
        <source>k3snetctl plan: %1</source>
        <translation>k3snetctl plan: %1</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+1" />
        <source>Validate the bundled demo project.</source>
        <translation>Das mitgelieferte Demoprojekt prüfen.</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Check k3snet project files: cluster and service CIDRs, DNS, MTU, nodes, pod subnets.
Kubernetes and MetalLB YAML (IPAddressPools, L2Advertisements, Services, kubectl get -o yaml dumps,
the legacy ConfigMap) is checked too, each file on its own as an otherwise empty project.
Exit status: 0 when there is no error (warnings allowed), 1 on errors, 2 on usage or I/O errors.</source>
        <translation>Prüft k3snet-Projektdateien: Cluster- und Service-CIDR, DNS, MTU, Knoten, Pod-Subnetze.
Auch Kubernetes- und MetalLB-YAML (IPAddressPools, L2Advertisements, Services, Ausgaben von
kubectl get -o yaml, die alte ConfigMap) wird geprüft, jede Datei für sich als sonst leeres Projekt.
Exit-Status: 0 ohne Fehler (Warnungen erlaubt), 1 bei Fehlern, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Project files (*.k3snet.yaml) or Kubernetes/MetalLB YAML; - reads standard input.</source>
        <translation>Projektdateien (*.k3snet.yaml) oder Kubernetes-/MetalLB-YAML; - liest die Standardeingabe.</translation>
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
    <message>
        <location filename="../app/k3snetctl/exportcommand.cpp" line="+19" />
        <source>Write what a project deploys: its MetalLB resources (IPAddressPools, L2Advertisements and the
MetalLB objects kept on import) for kubectl apply -f, or the k3s config.yaml of one node.
The project may also be Kubernetes/MetalLB YAML, such as a legacy MetalLB ConfigMap to convert.
Exit status: 0 when written, 1 when the project has errors, 2 on usage or I/O errors.</source>
        <translation>Schreibt, was ein Projekt ausrollt: seine MetalLB-Ressourcen (IPAddressPools, L2Advertisements und die
beim Import behaltenen MetalLB-Objekte) für kubectl apply -f, oder die k3s-config.yaml eines Knotens.
Das Projekt darf auch Kubernetes-/MetalLB-YAML sein, etwa eine alte MetalLB-ConfigMap zum Umwandeln.
Exit-Status: 0 wenn geschrieben, 1 wenn das Projekt Fehler hat, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Write the MetalLB resources.</source>
        <translation>Die MetalLB-Ressourcen schreiben.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Write the k3s config.yaml of this node.</source>
        <translation>Die k3s-config.yaml dieses Knotens schreiben.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Write to this file (atomically) instead of standard output.</source>
        <translation>In diese Datei (atomar) statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The project (*.k3snet.yaml, or Kubernetes YAML); - reads standard input.</source>
        <translation>Das Projekt (*.k3snet.yaml oder Kubernetes-YAML); - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>k3snetctl export: give --metallb or --k3s-config NODE, and one project (try --help)</source>
        <translation>k3snetctl export: --metallb oder --k3s-config KNOTEN und ein Projekt angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+32" />
        <source>k3snetctl export: %1</source>
        <translation>k3snetctl export: %1</translation>
    </message>
    <message>
        <location line="-26" />
        <source>%1: cannot be read; nothing exported</source>
        <translation>%1: kann nicht gelesen werden; nichts exportiert</translation>
    </message>
    <message>
        <location line="+14" />
        <source>k3snetctl export: %1 has no node "%2" (nodes: %3)</source>
        <translation>k3snetctl export: %1 hat keinen Knoten „%2“ (Knoten: %3)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/importcommand.cpp" line="+34" />
        <source>Import Kubernetes and MetalLB YAML into a k3snet project: IPAddressPools and L2Advertisements,
Services, Nodes, Namespaces and EndpointSlices, from manifests or kubectl get -o yaml dumps; the
legacy MetalLB ConfigMap and Helm configInline are converted as MetalLB's configmaptocrs does.
Objects k3snet does not manage (BGPPeer, BGPAdvertisement, ...) are kept and written back on export.
Exit status: 0 when the project was written, 1 when an input has errors (nothing is written),
2 on usage or I/O errors.</source>
        <translation>Importiert Kubernetes- und MetalLB-YAML in ein k3snet-Projekt: IPAddressPools und L2Advertisements,
Services, Nodes, Namespaces und EndpointSlices, aus Manifesten oder Ausgaben von kubectl get -o yaml;
die alte MetalLB-ConfigMap und Helm-configInline werden umgewandelt wie von MetalLBs configmaptocrs.
Objekte, die k3snet nicht verwaltet (BGPPeer, BGPAdvertisement, ...), bleiben erhalten und werden beim Export zurückgeschrieben.
Exit-Status: 0 wenn das Projekt geschrieben wurde, 1 wenn eine Eingabe Fehler hat (nichts wird geschrieben),
2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The project file to write (*.k3snet.yaml).</source>
        <translation>Die zu schreibende Projektdatei (*.k3snet.yaml).</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+4" />
        <source>project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Merge into this project instead of a new one; objects with the same kind and name are replaced.</source>
        <translation>In dieses Projekt statt in ein neues einmischen; Objekte gleicher Art und gleichen Namens werden ersetzt.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Kubernetes/MetalLB YAML files; - reads standard input.</source>
        <translation>Kubernetes-/MetalLB-YAML-Dateien; - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>k3snetctl import: give the files to import and -o PROJECT (try --help)</source>
        <translation>k3snetctl import: die zu importierenden Dateien und -o PROJEKT angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+24" />
        <location line="+27" />
        <source>k3snetctl import: %1</source>
        <translation>k3snetctl import: %1</translation>
    </message>
    <message>
        <location line="-47" />
        <source>k3snetctl import: %1 is not a k3snet project; give it as a file to import</source>
        <translation>k3snetctl import: %1 ist kein k3snet-Projekt; als zu importierende Datei angeben</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: cannot be read; nothing written</source>
        <translation>%1: kann nicht gelesen werden; nichts geschrieben</translation>
    </message>
    <message>
        <location line="+17" />
        <source>k3snetctl import: %1 is a k3snet project; give it as --base</source>
        <translation>k3snetctl import: %1 ist ein k3snet-Projekt; mit --base angeben</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1; nothing written</source>
        <translation>%1; nichts geschrieben</translation>
    </message>
    <message>
        <location line="+16" />
        <source>pools: %1</source>
        <translation>Pools: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L2Advertisements: %1</source>
        <translation>L2Advertisements: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>services: %1</source>
        <translation>Services: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>nodes: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>namespaces: %1</source>
        <translation>Namespaces: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kept objects: %1</source>
        <translation>behaltene Objekte: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Wrote %1: %2 (%3)</source>
        <translation>%1 geschrieben: %2 (%3)</translation>
    </message>
</context>
</TS>
