<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddL2AdvertisementCommand</name>
    <message>
        <location filename="../core/document/addl2advertisementcommand.cpp" line="+11"/>
        <source>Add L2 advertisement %1</source>
        <translation>L2-Ankündigung %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddNodeCommand</name>
    <message>
        <location filename="../core/document/addnodecommand.cpp" line="+11"/>
        <source>Add node %1</source>
        <translation>Knoten %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddPoolCommand</name>
    <message>
        <location filename="../core/document/addpoolcommand.cpp" line="+9"/>
        <source>Add pool %1</source>
        <translation>Pool %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddServiceCommand</name>
    <message>
        <location filename="../core/document/addservicecommand.cpp" line="+11"/>
        <source>Add service %1</source>
        <translation>Service %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>EditL2AdvertisementCommand</name>
    <message>
        <location filename="../core/document/editl2advertisementcommand.cpp" line="+13"/>
        <source>Edit L2 advertisement %1</source>
        <translation>L2-Ankündigung %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename L2 advertisement %1 to %2</source>
        <translation>L2-Ankündigung %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>EditNodeCommand</name>
    <message>
        <location filename="../core/document/editnodecommand.cpp" line="+13"/>
        <source>Edit node %1</source>
        <translation>Knoten %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename node %1 to %2</source>
        <translation>Knoten %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>EditPoolCommand</name>
    <message>
        <location filename="../core/document/editpoolcommand.cpp" line="+14"/>
        <source>Edit pool %1</source>
        <translation>Pool %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename pool %1 to %2</source>
        <translation>Pool %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>EditServiceCommand</name>
    <message>
        <location filename="../core/document/editservicecommand.cpp" line="+12"/>
        <source>Edit service %1</source>
        <translation>Service %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename service %1 to %2</source>
        <translation>Service %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>ImportYamlCommand</name>
    <message>
        <location filename="../core/document/importyamlcommand.cpp" line="+10"/>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
</context>
<context>
    <name>LabelTerm</name>
    <message>
        <location filename="../ui/l2/labelterm.cpp" line="+31"/>
        <source>A label key is needed.</source>
        <translation>Ein Label-Schlüssel wird benötigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a label key: %2</source>
        <translation>„%1“ ist kein Label-Schlüssel: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not a label value: %2</source>
        <translation>„%1“ ist kein Label-Wert: %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>“%1” does not belong in a label selector.</source>
        <translation>„%1“ gehört nicht in einen Label-Selektor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a label, as in app=web, tier in (a,b) or !gpu.</source>
        <translation>Ein Label eingeben, etwa app=web, tier in (a,b) oder !gpu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>List at least one value between the parentheses.</source>
        <translation>Mindestens einen Wert zwischen den Klammern angeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A set is written key in (a,b) or key notin (a,b).</source>
        <translation>Eine Menge schreibt man key in (a,b) oder key notin (a,b).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A label key has no spaces.</source>
        <translation>Ein Label-Schlüssel enthält keine Leerzeichen.</translation>
    </message>
</context>
<context>
    <name>LanItem</name>
    <message>
        <location filename="../ui/topology/lanitem.cpp" line="+33"/>
        <source>subnet not set</source>
        <translation>Subnetz nicht festgelegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAN %1 · %2 · MTU %3</source>
        <translation>LAN %1 · %2 · MTU %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAN %1, gateway %2, interface %3, MTU %4</source>
        <translation>LAN %1, Gateway %2, Schnittstelle %3, MTU %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;LAN&lt;/b&gt; %1&lt;br&gt;Gateway: %2&lt;br&gt;Interface: %3, MTU %4&lt;br&gt;VXLAN overlay: VNI %5, UDP port %6, MTU %7</source>
        <translation>&lt;b&gt;LAN&lt;/b&gt; %1&lt;br&gt;Gateway: %2&lt;br&gt;Schnittstelle: %3, MTU %4&lt;br&gt;VXLAN-Overlay: VNI %5, UDP-Port %6, MTU %7</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+74"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
</context>
<context>
    <name>LegendItem</name>
    <message>
        <location filename="../ui/topology/legenditem.cpp" line="+44"/>
        <source>VXLAN tunnel</source>
        <translation>VXLAN-Tunnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VNI %1 · UDP %2 · MTU %3</source>
        <translation>VNI %1 · UDP %2 · MTU %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · select a node to see its tunnels</source>
        <translation> · Knoten auswählen, um seine Tunnel zu sehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, a /%2 per node</source>
        <translation>%1, ein /%2 je Knoten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, DNS %2</source>
        <translation>%1, DNS %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no addresses</source>
        <translation>keine Adressen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · %1 of %2 used</source>
        <translation> · %1 von %2 belegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, IPv6 %1 of %2</source>
        <translation>, IPv6 %1 von %2</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Legend: the overlay, the cluster&apos;s address ranges and the address pools</source>
        <translation>Legende: das Overlay, die Adressbereiche des Clusters und die Adresspools</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>LiveStatus</name>
    <message>
        <location filename="../core/status/clusterstatus.cpp" line="+73"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>up</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agent down</source>
        <translation>Agent ausgefallen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no agent</source>
        <translation>kein Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../ui/topology/nodeitem.cpp" line="+37"/>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no pod subnet</source>
        <translation>kein Pod-Subnetz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VTEP · MTU %1</source>
        <translation>VTEP · MTU %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;LAN: %3 on %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;LAN: %3 an %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;br&gt;Pod subnet: %1%2</source>
        <translation>&lt;br&gt;Pod-Subnetz: %1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (pinned)</source>
        <translation> (fest)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;br&gt;VTEP: %1 %2, MAC %3, MTU %4</source>
        <translation>&lt;br&gt;VTEP: %1 %2, MAC %3, MTU %4</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+302"/>
        <location line="+3"/>
        <source>LAN</source>
        <translation>LAN</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>Node %1, %2, LAN address %3</source>
        <translation>Knoten %1, %2, LAN-Adresse %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, pod subnet %1</source>
        <translation>, Pod-Subnetz %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, announces %n address(es)</source>
        <translation>
            <numerusform>, kündigt %n Adresse an</numerusform>
            <numerusform>, kündigt %n Adressen an</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, has errors</source>
        <translation>, hat Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, has warnings</source>
        <translation>, hat Warnungen</translation>
    </message>
    <message>
        <location line="+262"/>
        <source>Announces</source>
        <translation>Kündigt an</translation>
    </message>
</context>
<context>
    <name>PendingGroupItem</name>
    <message numerus="yes">
        <location filename="../ui/topology/pendinggroupitem.cpp" line="+23"/>
        <source>Not announced (%n)</source>
        <translation>
            <numerusform>Nicht angekündigt (%n)</numerusform>
            <numerusform>Nicht angekündigt (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoadBalancer services without an address, or whose address no node announces. Hover over one to see why.</source>
        <translation>LoadBalancer-Services ohne Adresse oder mit einer Adresse, die kein Knoten ankündigt. Mit der Maus darüberfahren, um den Grund zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n service(s) no node announces</source>
        <translation>
            <numerusform>%n Service, den kein Knoten ankündigt</numerusform>
            <numerusform>%n Services, die kein Knoten ankündigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Provisioning</name>
    <message>
        <location filename="../app/k3snetctl/progressview.cpp" line="+107"/>
        <location filename="../core/provision/provisionjob.cpp" line="+137"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../core/provision/agentbundle.cpp" line="+57"/>
        <source>it is not an ELF executable</source>
        <translation>es ist keine ausführbare ELF-Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is not a little-endian ELF file</source>
        <translation>es ist keine Little-Endian-ELF-Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is built for another architecture (ELF machine %1)</source>
        <translation>es ist für eine andere Architektur gebaut (ELF-Maschine %1)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>it is larger than %1 MiB</source>
        <translation>es ist größer als %1 MiB</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the agent for %1 at %2 cannot be used: %3</source>
        <translation>der Agent für %1 unter %2 ist nicht verwendbar: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no k3snet-agent for %1 was found (looked at %2); build it for that architecture or set K3SNET_AGENT_DIR</source>
        <translation>kein k3snet-agent für %1 gefunden (gesucht in %2); für diese Architektur bauen oder K3SNET_AGENT_DIR setzen</translation>
    </message>
    <message>
        <location filename="../core/provision/agenthealth.cpp" line="+32"/>
        <source>the agent&apos;s status is not JSON: %1</source>
        <translation>der Status des Agenten ist kein JSON: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no agent installed</source>
        <translation>kein Agent installiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the agent is not running</source>
        <translation>der Agent läuft nicht</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the agent reported no status</source>
        <translation>der Agent hat keinen Status gemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the agent has not written its status yet</source>
        <translation>der Agent hat seinen Status noch nicht geschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the status was written by another agent process (pid %1, expected %2)</source>
        <translation>der Status wurde von einem anderen Agent-Prozess geschrieben (PID %1, erwartet %2)</translation>
    </message>
    <message>
        <location filename="../core/provision/clusterkey.cpp" line="+35"/>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1: the cluster key is readable by others (mode %2); run chmod 600 %1</source>
        <translation>%1: der Cluster-Schlüssel ist für andere lesbar (Modus %2); chmod 600 %1 ausführen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: not a cluster key (one line of base64, at least %2 bytes); move it away to have a new one generated</source>
        <translation>%1: kein Cluster-Schlüssel (eine Zeile Base64, mindestens %2 Byte); die Datei wegräumen, damit ein neuer erzeugt wird</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>cannot generate a cluster key: the system&apos;s random generator failed</source>
        <translation>Cluster-Schlüssel kann nicht erzeugt werden: der Zufallsgenerator des Systems ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot create the cluster key %1: %2</source>
        <translation>Cluster-Schlüssel %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot write the cluster key %1: %2</source>
        <translation>Cluster-Schlüssel %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../core/provision/nodefacts.cpp" line="+42"/>
        <source>the node&apos;s detect output has no &quot;%1&quot;</source>
        <translation>in der Erkennungsausgabe des Knotens fehlt „%1“</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the node&apos;s detect output has a malformed %1</source>
        <translation>die Erkennungsausgabe des Knotens enthält einen fehlerhaften Wert für %1</translation>
    </message>
    <message>
        <location filename="../core/provision/nodejob.cpp" line="+45"/>
        <source>%1 at %2: %3</source>
        <translation>%1 bei „%2“: %3</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+25"/>
        <source>cancelled before connecting; nothing was done</source>
        <translation>vor dem Verbinden abgebrochen; es wurde nichts getan</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>connecting to %1</source>
        <translation>verbinde mit %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>host key %1 %2 is known</source>
        <translation>Host-Schlüssel %1 %2 ist bekannt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>new host: accepted its %1 key %2 (--accept-new) and recorded it in %3</source>
        <translation>neuer Host: sein %1-Schlüssel %2 wurde angenommen (--accept-new) und in %3 eingetragen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cancelled; nothing was done</source>
        <translation>abgebrochen; es wurde nichts getan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host key %1 was not accepted; nothing was sent</source>
        <translation>der Host-Schlüssel %1 wurde nicht angenommen; es wurde nichts gesendet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>host key %1 %2 accepted and recorded in %3</source>
        <translation>Host-Schlüssel %1 %2 angenommen und in %3 eingetragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host key %1 %2 accepted for this run</source>
        <translation>Host-Schlüssel %1 %2 für diesen Lauf angenommen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a known host: it presents the %2 key %3. Nothing was sent. Compare the fingerprint with the node&apos;s (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console), then run again with --accept-new, or answer the question in a terminal.</source>
        <translation>%1 ist kein bekannter Host: er zeigt den %2-Schlüssel %3. Es wurde nichts gesendet. Vergleichen Sie den Fingerabdruck mit dem des Knotens (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub an seiner Konsole) und führen Sie den Befehl dann erneut mit --accept-new aus oder beantworten Sie die Frage in einem Terminal.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>WARNING: THE HOST KEY OF %1 (%2) HAS CHANGED. It now presents the %3 key %4, which %5 does not list for it. Someone may be intercepting the connection (man in the middle), or the node was reinstalled. Nothing was sent and nothing was changed. If the change is expected, remove the old key (%6) and run again.</source>
        <translation>WARNUNG: DER HOST-SCHLÜSSEL VON %1 (%2) HAT SICH GEÄNDERT. Er zeigt jetzt den %3-Schlüssel %4, den %5 für ihn nicht aufführt. Jemand könnte die Verbindung abfangen (Man-in-the-Middle), oder der Knoten wurde neu installiert. Es wurde nichts gesendet und nichts geändert. Wenn die Änderung erwartet ist, entfernen Sie den alten Schlüssel (%6) und führen Sie den Befehl erneut aus.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the known_hosts files (%1, %2); refusing to connect without them</source>
        <translation>die known_hosts-Dateien (%1, %2) können nicht gelesen werden; ohne sie wird keine Verbindung aufgebaut</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cannot run commands on the node: %1</source>
        <translation>auf dem Knoten können keine Befehle ausgeführt werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sudo works without a password</source>
        <translation>sudo funktioniert ohne Passwort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not root on the node and sudo is not installed there</source>
        <translation>%1 ist auf dem Knoten nicht root, und sudo ist dort nicht installiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sudo refuses %1 on the node: %2</source>
        <translation>sudo verweigert %1 auf dem Knoten: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>sudo password for %1 on %2:</source>
        <translation>sudo-Passwort für %1 auf %2:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sudo refused it. sudo password for %1 on %2:</source>
        <translation>sudo hat es abgelehnt. sudo-Passwort für %1 auf %2:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <location filename="../core/provision/provisionjob.cpp" line="+39"/>
        <source>cancelled; nothing was changed</source>
        <translation>abgebrochen; es wurde nichts geändert</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>sudo on the node needs the password of %1, and none was given; nothing was changed (answer in a terminal, use --sudo-password-stdin or an askpass program, or allow %1 sudo without a password)</source>
        <translation>sudo auf dem Knoten braucht das Passwort von %1, und es wurde keines angegeben; es wurde nichts geändert (in einem Terminal antworten, --sudo-password-stdin oder ein Askpass-Programm verwenden oder %1 sudo ohne Passwort erlauben)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the sudo password holds a line break, which sudo -S cannot read</source>
        <translation>das sudo-Passwort enthält einen Zeilenumbruch, den sudo -S nicht lesen kann</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sudo accepted the password</source>
        <translation>sudo hat das Passwort angenommen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sudo on the node refused the password of %1; nothing was changed</source>
        <translation>sudo auf dem Knoten hat das Passwort von %1 abgelehnt; es wurde nichts geändert</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>cannot read the status: %1</source>
        <translation>der Status kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no k3snet agent is installed</source>
        <translation>kein k3snet-Agent installiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>converged (release %1, pid %2)</source>
        <translation>konvergiert (Release %1, PID %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>uninstalling failed: %1</source>
        <translation>Deinstallieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no k3snet agent was installed; nothing to remove</source>
        <translation>es war kein k3snet-Agent installiert; nichts zu entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agent, service, configuration, CNI config and NAT rules removed; K3s left as it was</source>
        <translation>Agent, Dienst, Konfiguration, CNI-Konfiguration und NAT-Regeln entfernt; K3s unverändert gelassen</translation>
    </message>
    <message>
        <location filename="../core/provision/noderesult.cpp" line="+34"/>
        <source>installed</source>
        <translation>installiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reconfigured</source>
        <translation>neu konfiguriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rolled back</source>
        <translation>zurückgerollt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/provision/provisionjob.cpp" line="+114"/>
        <location line="+6"/>
        <location line="+38"/>
        <location filename="../core/provision/sshsession.cpp" line="+49"/>
        <location line="+87"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unhealthy</source>
        <translation>nicht gesund</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/provision/provisionjob.cpp" line="-205"/>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location filename="../core/provision/provisionjob.cpp" line="-80"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>to upload: %1</source>
        <translation>hochzuladen: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cancelled before the switch; the node is as it was</source>
        <translation>vor dem Umschalten abgebrochen; der Knoten ist unverändert</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the node is %1; k3snet-agent is built for aarch64 (64-bit OS), armv7l (32-bit OS on a Pi 2 or later) and x86_64 only</source>
        <translation>der Knoten ist %1; k3snet-agent wird nur für aarch64 (64-Bit-Betriebssystem), armv7l (32-Bit-Betriebssystem auf einem Pi 2 oder neuer) und x86_64 gebaut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>of an unknown architecture</source>
        <translation>von unbekannter Architektur</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>detecting the node failed: %1</source>
        <translation>die Erkennung des Knotens ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1, kernel %2, %3, VXLAN: %4, agent: %5</source>
        <translation>%1, Kernel %2, %3, VXLAN: %4, Agent: %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>systemd</source>
        <translation>systemd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no systemd (fallback supervisor)</source>
        <translation>kein systemd (Ersatz-Supervisor)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>release %1, %2</source>
        <translation>Release %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the node&apos;s kernel has no VXLAN support (CONFIG_VXLAN is not set); k3snet-agent cannot build the overlay there</source>
        <translation>der Kernel des Knotens unterstützt kein VXLAN (CONFIG_VXLAN ist nicht gesetzt); k3snet-agent kann dort kein Overlay aufbauen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot tell whether the kernel has VXLAN (no module, no kernel config found)</source>
        <translation>nicht feststellbar, ob der Kernel VXLAN hat (kein Modul, keine Kernel-Konfiguration gefunden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>K3s is installed without flannel-backend: none; its own flannel would fight k3snet-agent over flannel.1 (see k3snetctl export --k3s-config %1)</source>
        <translation>K3s ist ohne flannel-backend: none installiert; sein eigenes flannel würde mit k3snet-agent um flannel.1 streiten (siehe k3snetctl export --k3s-config %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>K3s&apos;s servicelb is not disabled; it would answer for LoadBalancer IPs too</source>
        <translation>servicelb von K3s ist nicht abgeschaltet; es würde ebenfalls für LoadBalancer-IPs antworten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an earlier run stopped before it finished; its snapshot is kept for rollback</source>
        <translation>ein früherer Lauf wurde vor dem Ende unterbrochen; sein Snapshot bleibt für ein Zurückrollen erhalten</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>starting the agent failed: %1</source>
        <translation>das Starten des Agenten ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>nothing needed changing, but the agent is not converged: %1</source>
        <translation>es musste nichts geändert werden, aber der Agent ist nicht konvergiert: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing changed; the agent was not running and was started; converged</source>
        <translation>nichts geändert; der Agent lief nicht und wurde gestartet; konvergiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>up to date: nothing uploaded, nothing restarted; converged</source>
        <translation>aktuell: nichts hochgeladen, nichts neu gestartet; konvergiert</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cancelled during the upload; nothing was switched, the node is as it was</source>
        <translation>während des Hochladens abgebrochen; nichts wurde umgeschaltet, der Knoten ist unverändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the upload failed: %1; nothing was switched, the node is as it was</source>
        <translation>das Hochladen ist fehlgeschlagen: %1; nichts wurde umgeschaltet, der Knoten ist wie zuvor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>uploaded and checked on the node: %1</source>
        <translation>hochgeladen und auf dem Knoten geprüft: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>verified on the node: the sha256 of every file; %1 runs there and accepts the configuration</source>
        <translation>auf dem Knoten geprüft: die sha256 jeder Datei; %1 läuft dort und akzeptiert die Konfiguration</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>verification on the node failed: %1; nothing was switched, the node is as it was</source>
        <translation>die Prüfung auf dem Knoten ist fehlgeschlagen: %1; nichts wurde umgeschaltet, der Knoten ist wie zuvor</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>warning: keeping the previous state failed: %1</source>
        <translation>Warnung: den vorherigen Stand zu behalten ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>switched to release %1</source>
        <translation>auf Release %1 umgeschaltet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in place: %1</source>
        <translation>abgelegt: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>agent reloaded (SIGHUP)</source>
        <translation>Agent neu geladen (SIGHUP)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>agent started</source>
        <translation>Agent gestartet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the agent did not converge within %1 s: %2</source>
        <translation>der Agent ist nicht innerhalb von %1 s konvergiert: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>installed release %1; converged</source>
        <translation>Release %1 installiert; konvergiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>updated and restarted (release %1); converged</source>
        <translation>aktualisiert und neu gestartet (Release %1); konvergiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new configuration loaded; converged</source>
        <translation>neue Konfiguration geladen; konvergiert</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot read the agent&apos;s status: %1</source>
        <translation>der Status des Agenten kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>agent log: %1</source>
        <translation>Agent-Protokoll: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>rolling back: %1</source>
        <translation>Zurückrollen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1; the rollback failed too: %2 (the node needs attention: k3snetctl status)</source>
        <translation>%1; auch das Zurückrollen ist fehlgeschlagen: %2 (der Knoten braucht Aufmerksamkeit: k3snetctl status)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1; this was the first install, so everything it installed was removed again</source>
        <translation>%1; dies war die erste Installation, daher wurde alles, was sie installiert hatte, wieder entfernt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1; rolled back to release %2 and the previous configuration, which converged again</source>
        <translation>%1; zurückgerollt auf Release %2 und die vorherige Konfiguration, die wieder konvergiert ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1; rolled back to release %2 and the previous configuration, but that does not converge either: %3</source>
        <translation>%1; zurückgerollt auf Release %2 und die vorherige Konfiguration, doch auch diese konvergiert nicht: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>could not clear the upload stage on the node: %1</source>
        <translation>der Upload-Bereich auf dem Knoten konnte nicht geleert werden: %1</translation>
    </message>
    <message>
        <location filename="../core/provision/provisionrequest.cpp" line="+64"/>
        <source>the project has no node &quot;%1&quot; (nodes: %2)</source>
        <translation>das Projekt hat keinen Knoten „%1“ (Knoten: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the project has no nodes</source>
        <translation>das Projekt hat keine Knoten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the project has errors; fix them first (k3snetctl validate): %1</source>
        <translation>das Projekt hat Fehler; zuerst beheben (k3snetctl validate): %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>node %1: no agent configuration: %2</source>
        <translation>Knoten %1: keine Agent-Konfiguration: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>node %1: k3snet-agent would refuse its configuration: %2</source>
        <translation>Knoten %1: k3snet-agent würde seine Konfiguration ablehnen: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>save the project first: the cluster key is kept next to the project file</source>
        <translation>zuerst das Projekt speichern: der Cluster-Schlüssel liegt neben der Projektdatei</translation>
    </message>
    <message>
        <location filename="../core/provision/sshauth.cpp" line="+72"/>
        <source>authenticated with a key from ssh-agent</source>
        <translation>mit einem Schlüssel aus ssh-agent angemeldet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ssh-agent: no key was accepted</source>
        <translation>ssh-agent: kein Schlüssel wurde angenommen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Passphrase for the SSH key %1:</source>
        <translation>Passphrase für den SSH-Schlüssel %1:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong passphrase. Passphrase for the SSH key %1:</source>
        <translation>Falsche Passphrase. Passphrase für den SSH-Schlüssel %1:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>authenticated with the key %1</source>
        <translation>mit dem Schlüssel %1 angemeldet</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>nobody can type it in this run (no terminal and no askpass program, or --batch)</source>
        <translation>in diesem Lauf ist keine Eingabe möglich (kein Terminal und kein Askpass-Programm, oder --batch)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the key %1 does not exist</source>
        <translation>der Schlüssel %1 existiert nicht</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+28"/>
        <source>the key %1 is not accepted by the node</source>
        <translation>der Knoten nimmt den Schlüssel %1 nicht an</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>wrong passphrase for the key %1</source>
        <translation>falsche Passphrase für den Schlüssel %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the key %1 is protected by a passphrase, and none was given</source>
        <translation>der Schlüssel %1 ist durch eine Passphrase geschützt, und es wurde keine angegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the key %1 is protected by a passphrase, and %2</source>
        <translation>der Schlüssel %1 ist durch eine Passphrase geschützt, und %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the key %1 cannot be loaded (not a private key in a format libssh reads)</source>
        <translation>der Schlüssel %1 kann nicht geladen werden (kein privater Schlüssel in einem Format, das libssh liest)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the key %1 cannot be read</source>
        <translation>der Schlüssel %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>wrong passphrase for the key %1 (asked %2 times)</source>
        <translation>falsche Passphrase für den Schlüssel %1 (%2-mal gefragt)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SSH password for %1@%2:</source>
        <translation>SSH-Passwort für %1@%2:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong password. SSH password for %1@%2:</source>
        <translation>Falsches Passwort. SSH-Passwort für %1@%2:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>authenticated with the login password</source>
        <translation>mit dem Login-Passwort angemeldet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the login password was refused</source>
        <translation>das Login-Passwort wurde abgelehnt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>authentication failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cancelled before logging in; nothing was done</source>
        <translation>vor dem Anmelden abgebrochen; es wurde nichts getan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ssh-agent had no key the node accepts</source>
        <translation>ssh-agent hatte keinen Schlüssel, den der Knoten annimmt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no key file (none given with --identity or IdentityFile, no ~/.ssh/id_ed25519, id_ecdsa or id_rsa)</source>
        <translation>keine Schlüsseldatei (keine mit --identity oder IdentityFile angegeben, kein ~/.ssh/id_ed25519, id_ecdsa oder id_rsa)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the node also takes the login password, but %1</source>
        <translation>der Knoten nimmt auch das Login-Passwort an, aber %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the node takes only the login password for %1, and %2</source>
        <translation>der Knoten nimmt für %1 nur das Login-Passwort an, und %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the node refused the login password of %1</source>
        <translation>der Knoten hat das Login-Passwort von %1 abgelehnt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no login password was given</source>
        <translation>es wurde kein Login-Passwort angegeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the node offers no way to log in that k3snet can use (only public keys and passwords are)</source>
        <translation>der Knoten bietet keine Anmeldemethode an, die k3snet verwenden kann (nur öffentliche Schlüssel und Passwörter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot log in to %1 as %2: %3; nothing was done on the node</source>
        <translation>Anmeldung an %1 als %2 nicht möglich: %3; auf dem Knoten wurde nichts getan</translation>
    </message>
    <message>
        <location filename="../core/provision/sshsession.cpp" line="-85"/>
        <source>the command did not finish in time</source>
        <translation>der Befehl wurde nicht rechtzeitig fertig</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the command ended without an exit status (killed, or the connection was lost)</source>
        <translation>der Befehl endete ohne Exit-Status (abgebrochen, oder die Verbindung ging verloren)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>cannot create an SSH session (out of memory?)</source>
        <translation>SSH-Sitzung kann nicht angelegt werden (kein Speicher mehr?)</translation>
    </message>
    <message>
        <location filename="../core/provision/sshconfig.cpp" line="+103"/>
        <source>invalid SSH host &quot;%1&quot;: %2</source>
        <translation>ungültiger SSH-Host „%1“: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot read the SSH configuration %1</source>
        <translation>die SSH-Konfiguration %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the SSH configuration %1 cannot be used: %2</source>
        <translation>die SSH-Konfiguration %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../core/provision/sshsession.cpp" line="+26"/>
        <source>invalid SSH options for %1@%2:%3: %4</source>
        <translation>ungültige SSH-Optionen für %1@%2:%3: %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>HostName %1</source>
        <translation>HostName %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its Port %1 is overridden by %2</source>
        <translation>ihr Port %1 wird durch %2 überschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User %1</source>
        <translation>User %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its User %1 is overridden by %2</source>
        <translation>ihr User %1 wird durch %2 überschrieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IdentityFile %1</source>
        <translation>IdentityFile %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH configuration (%1) for %2: %3</source>
        <translation>SSH-Konfiguration (%1) für %2: %3</translation>
    </message>
    <message>
        <location filename="../core/provision/sshsession.cpp" line="+11"/>
        <source>cannot connect to %1:%2: %3</source>
        <translation>keine Verbindung zu %1:%2 möglich: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the server sent no host key: %1</source>
        <translation>der Server hat keinen Host-Schlüssel gesendet: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot compute the fingerprint of the host key</source>
        <translation>der Fingerabdruck des Host-Schlüssels kann nicht berechnet werden</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot record the host key in %1: %2</source>
        <translation>der Host-Schlüssel kann nicht in %1 eingetragen werden: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot open an SSH channel: %1</source>
        <translation>SSH-Kanal kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot run a command on the node: %1</source>
        <translation>auf dem Knoten kann kein Befehl ausgeführt werden: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+68"/>
        <source>the connection failed: %1</source>
        <translation>die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>sending to the node failed after %1 of %2 bytes: %3</source>
        <translation>Senden an den Knoten nach %1 von %2 Byte fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the channel was closed</source>
        <translation>der Kanal wurde geschlossen</translation>
    </message>
    <message>
        <location filename="../core/provision/step.cpp" line="+29"/>
        <source>connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verify host key</source>
        <translation>Host-Schlüssel prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>authenticate</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>detect</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>configure</source>
        <translation>Konfigurieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>health check</source>
        <translation>Zustandsprüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read status</source>
        <translation>Status lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>RemoveL2AdvertisementCommand</name>
    <message>
        <location filename="../core/document/removel2advertisementcommand.cpp" line="+10"/>
        <source>Remove L2 advertisement %1</source>
        <translation>L2-Ankündigung %1 entfernen</translation>
    </message>
</context>
<context>
    <name>RemoveNodeCommand</name>
    <message>
        <location filename="../core/document/removenodecommand.cpp" line="+9"/>
        <source>Remove node %1</source>
        <translation>Knoten %1 entfernen</translation>
    </message>
</context>
<context>
    <name>RemovePoolCommand</name>
    <message>
        <location filename="../core/document/removepoolcommand.cpp" line="+9"/>
        <source>Remove pool %1</source>
        <translation>Pool %1 entfernen</translation>
    </message>
</context>
<context>
    <name>RemoveServiceCommand</name>
    <message>
        <location filename="../core/document/removeservicecommand.cpp" line="+10"/>
        <source>Remove service %1/%2</source>
        <translation>Service %1/%2 entfernen</translation>
    </message>
</context>
<context>
    <name>ServiceIpItem</name>
    <message>
        <location filename="../ui/topology/serviceipitem.cpp" line="+20"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Service %1, pending, without an address</source>
        <translation>Service %1, ausstehend, ohne Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service %1, address %2, announced by no node</source>
        <translation>Service %1, Adresse %2, von keinem Knoten angekündigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address %1 of service %2, pool %3</source>
        <translation>Adresse %1 von Service %2, Pool %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No node announces this address.</source>
        <translation>Kein Knoten kündigt diese Adresse an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is not announced:&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wird nicht angekündigt:&lt;br&gt;%2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 from pool %3&lt;br&gt;Announced by %4&lt;br&gt;Fallbacks: %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 aus Pool %3&lt;br&gt;Angekündigt von %4&lt;br&gt;Ersatzknoten: %5</translation>
    </message>
</context>
<context>
    <name>SetNetworkCommand</name>
    <message>
        <location filename="../core/document/setnetworkcommand.cpp" line="+8"/>
        <source>Change network settings</source>
        <translation>Netzwerkeinstellungen ändern</translation>
    </message>
</context>
<context>
    <name>SetPoolAddressesCommand</name>
    <message>
        <location filename="../core/document/setpooladdressescommand.cpp" line="+12"/>
        <source>Change addresses of pool %1</source>
        <translation>Adressen von Pool %1 ändern</translation>
    </message>
</context>
<context>
    <name>TopologyExporter</name>
    <message>
        <location filename="../ui/topology/topologyexporter.cpp" line="+70"/>
        <source>The picture is too large to export as PNG (%1 × %2 pixels); export it as SVG.</source>
        <translation>Das Bild ist zu groß für den Export als PNG (%1 × %2 Pixel); exportieren Sie es als SVG.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+12"/>
        <location line="+22"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Network topology</source>
        <translation>Netzwerktopologie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made with k3snet</source>
        <translation>Erstellt mit k3snet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot write %1: the SVG generator failed</source>
        <translation>%1 kann nicht geschrieben werden: der SVG-Generator ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>TunnelItem</name>
    <message>
        <location filename="../ui/topology/tunnelitem.cpp" line="+37"/>
        <source>VXLAN tunnel between %1 and %2</source>
        <translation>VXLAN-Tunnel zwischen %1 und %2</translation>
    </message>
</context>
<context>
    <name>k3snet::AddressMapWidget</name>
    <message>
        <location filename="../ui/pools/addressmapwidget.cpp" line="+27"/>
        <source>Address map</source>
        <translation>Adresskarte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shown /24 block</source>
        <translation>Angezeigter /24-Block</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The /24 block of the LAN subnet the map shows</source>
        <translation>Der /24-Block des LAN-Subnetzes, den die Karte zeigt</translation>
    </message>
    <message>
        <location filename="../ui/pools/addressmapwidgetinput.cpp" line="+31"/>
        <source>Outside the LAN subnet</source>
        <translation>Außerhalb des LAN-Subnetzes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network or broadcast address of the LAN subnet</source>
        <translation>Netz- oder Broadcast-Adresse des LAN-Subnetzes</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../ui/pools/addressmapwidgetpaint.cpp" line="+116"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool %1</source>
        <translation>Pool %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag to move this end of the range</source>
        <translation>Ziehen, um dieses Ende des Bereichs zu verschieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also in pool %1</source>
        <translation>Auch in Pool %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assigned to service %1</source>
        <translation>Service %1 zugewiesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never handed out (avoidBuggyIPs)</source>
        <translation>Wird nie vergeben (avoidBuggyIPs)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflict: the pool holds an address that is already in use</source>
        <translation>Konflikt: Der Pool enthält eine Adresse, die bereits belegt ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free: drag across free addresses to create a pool</source>
        <translation>Frei: über freie Adressen ziehen, um einen Pool anzulegen</translation>
    </message>
    <message>
        <location filename="../ui/pools/addressmapwidgetpaint.cpp" line="-1"/>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Assigned</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Avoided .0/.255</source>
        <translation>Gemiedene .0/.255</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
</context>
<context>
    <name>k3snet::AddressValidator</name>
    <message>
        <location filename="../ui/validators/addressvalidator.cpp" line="+54"/>
        <source>An IPv4 address has four numbers.</source>
        <translation>Eine IPv4-Adresse hat vier Zahlen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <location line="+40"/>
        <location line="+18"/>
        <location line="+7"/>
        <source>The address is not complete.</source>
        <translation>Die Adresse ist nicht vollständig.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>A number is missing between the dots.</source>
        <translation>Zwischen den Punkten fehlt eine Zahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is more than 255.</source>
        <translation>%1 ist größer als 255.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has a leading zero.</source>
        <translation>%1 hat eine führende Null.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+53"/>
        <source>“%1” does not belong in an address.</source>
        <translation>„%1“ gehört nicht in eine Adresse.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>An IPv6 address has no “:::”.</source>
        <translation>Eine IPv6-Adresse enthält kein „:::“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An IPv6 address has “::” at most once.</source>
        <translation>Eine IPv6-Adresse enthält „::“ höchstens einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An IPv6 address starts with a group or with “::”.</source>
        <translation>Eine IPv6-Adresse beginnt mit einer Gruppe oder mit „::“.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+31"/>
        <source>A group of an IPv6 address has at most four hex digits.</source>
        <translation>Eine Gruppe einer IPv6-Adresse hat höchstens vier Hexadezimalziffern.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>An IPv6 address has eight groups.</source>
        <translation>Eine IPv6-Adresse hat acht Gruppen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An address is needed.</source>
        <translation>Eine Adresse wird benötigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An address has no spaces.</source>
        <translation>Eine Adresse enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Add the prefix length, as in %1/24.</source>
        <translation>Die Präfixlänge ergänzen, etwa %1/24.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A prefix has one “/”.</source>
        <translation>Ein Präfix enthält ein „/“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The prefix length is a number.</source>
        <translation>Die Präfixlänge ist eine Zahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/%1 is longer than the %2 bits of the address.</source>
        <translation>/%1 ist länger als die %2 Bit der Adresse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The prefix length is missing.</source>
        <translation>Die Präfixlänge fehlt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A range is first-last, as in 10.0.0.100-10.0.0.200.</source>
        <translation>Ein Bereich lautet erste-letzte, etwa 10.0.0.100-10.0.0.200.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A range has one “-”.</source>
        <translation>Ein Bereich enthält ein „-“.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A pool entry is a prefix (10.0.0.0/28) or a range (10.0.0.100-10.0.0.200).</source>
        <translation>Ein Pool-Eintrag ist ein Präfix (10.0.0.0/28) oder ein Bereich (10.0.0.100-10.0.0.200).</translation>
    </message>
</context>
<context>
    <name>k3snet::AnnouncerPreviewModel</name>
    <message>
        <location filename="../core/models/announcerpreviewmodel.cpp" line="+175"/>
        <source>Nobody announces %1: %2</source>
        <translation>Niemand kündigt %1 an: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answers ARP for %2; if it fails, %3 takes over.</source>
        <translation>%1 beantwortet ARP für %2; bei Ausfall übernimmt %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Announcer</source>
        <translation>Ankündiger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fallbacks, in order</source>
        <translation>Ersatzknoten, in Reihenfolge</translation>
    </message>
</context>
<context>
    <name>k3snet::ClusterPage</name>
    <message>
        <location filename="../ui/wizard/clusterpage.cpp" line="+45"/>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k3s&apos;s address ranges for pods and services (its defaults suit most clusters), and addresses on the LAN for LoadBalancer services.</source>
        <translation>Die Adressbereiche von k3s für Pods und Services (seine Vorgaben passen für die meisten Cluster) und Adressen im LAN für LoadBalancer-Services.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Create an address pool and advertise it on the LAN</source>
        <translation>Einen Adresspool anlegen und im LAN ankündigen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Cluster (pod) CIDR:</source>
        <translation>&amp;Cluster-CIDR (Pods):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service CIDR:</source>
        <translation>&amp;Service-CIDR:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster &amp;DNS:</source>
        <translation>Cluster-&amp;DNS:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod subnet per &amp;node:</source>
        <translation>Pod-Subnetz je &amp;Knoten:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LoadBalancer &amp;addresses:</source>
        <translation>LoadBalancer-&amp;Adressen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster CIDR</source>
        <translation>Cluster-CIDR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service CIDR</source>
        <translation>Service-CIDR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster DNS</source>
        <translation>Cluster-DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod subnet per node</source>
        <translation>Pod-Subnetz je Knoten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LoadBalancer addresses</source>
        <translation>LoadBalancer-Adressen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Room for %1 nodes with up to %2 pods each.</source>
        <translation>Platz für %1 Knoten mit je bis zu %2 Pods.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The cluster CIDR %1 overlaps the LAN %2.</source>
        <translation>Das Cluster-CIDR %1 überschneidet sich mit dem LAN %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A node&apos;s pod subnet (/%1) must be smaller than the cluster CIDR (/%2).</source>
        <translation>Das Pod-Subnetz eines Knotens (/%1) muss kleiner sein als das Cluster-CIDR (/%2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The service CIDR %1 overlaps the LAN %2.</source>
        <translation>Das Service-CIDR %1 überschneidet sich mit dem LAN %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service CIDR overlaps the cluster CIDR.</source>
        <translation>Das Service-CIDR überschneidet sich mit dem Cluster-CIDR.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The cluster DNS %1 is outside the service CIDR %2.</source>
        <translation>Der Cluster-DNS %1 liegt außerhalb des Service-CIDR %2.</translation>
    </message>
</context>
<context>
    <name>k3snet::DiagnosticModel</name>
    <message>
        <location filename="../core/models/diagnosticmodel.cpp" line="+17"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
</context>
<context>
    <name>k3snet::DiagnosticsWidget</name>
    <message>
        <location filename="../ui/diagnostics/diagnosticswidget.cpp" line="+31"/>
        <source>Diagnostics</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>No problems found</source>
        <translation>Keine Probleme gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>k3snet::Document</name>
    <message>
        <location filename="../core/document/document.cpp" line="+135"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The project has no file yet: choose where to save it.</source>
        <translation>Das Projekt hat noch keine Datei: Wählen Sie, wo es gespeichert werden soll.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No file name given.</source>
        <translation>Kein Dateiname angegeben.</translation>
    </message>
</context>
<context>
    <name>k3snet::GuiPrompter</name>
    <message>
        <location filename="../ui/provision/guiprompter.cpp" line="+54"/>
        <source>Key Passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SSH Password — %1</source>
        <translation>SSH-Passwort — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sudo Password — %1</source>
        <translation>sudo-Passwort — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>That was not accepted. %1</source>
        <translation>Das wurde nicht angenommen. %1</translation>
    </message>
</context>
<context>
    <name>k3snet::HostKeyDialog</name>
    <message>
        <location filename="../ui/provision/hostkeydialog.cpp" line="+18"/>
        <source>Unknown Host Key — %1</source>
        <translation>Unbekannter Host-Schlüssel — %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;k3snet has never connected to node %1 (%2, port %3).&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Before trusting it, compare this fingerprint with the one the node shows for its own key, for example with &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt; on its console.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;k3snet hat sich noch nie mit Knoten %1 (%2, Port %3) verbunden.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Bevor Sie ihm vertrauen, vergleichen Sie diesen Fingerabdruck mit dem, den der Knoten für seinen eigenen Schlüssel anzeigt, zum Beispiel mit &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt; an seiner Konsole.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Host key fingerprint</source>
        <translation>Fingerabdruck des Host-Schlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A remembered key is written to %1.</source>
        <translation>Ein gemerkter Schlüssel wird in %1 geschrieben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept &amp;Once</source>
        <translation>&amp;Einmal annehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept and Remember</source>
        <translation>Annehmen und &amp;merken</translation>
    </message>
</context>
<context>
    <name>k3snet::L2AdvertisementDialog</name>
    <message>
        <location filename="../ui/dialogs/l2advertisementdialog.cpp" line="+17"/>
        <source>Add L2 Advertisement</source>
        <translation>L2-Ankündigung hinzufügen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>every pool</source>
        <translation>jeden Pool</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Advertise:</source>
        <translation>&amp;Ankündigen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The nodes answer ARP for the addresses of the pools an L2 advertisement selects. Choose the nodes and interfaces in the L2 advertisement editor.</source>
        <translation>Die Knoten beantworten ARP für die Adressen der Pools, die eine L2-Ankündigung auswählt. Knoten und Schnittstellen wählen Sie im L2-Ankündigungs-Editor.</translation>
    </message>
</context>
<context>
    <name>k3snet::L2AdvertisementEditor</name>
    <message>
        <location filename="../ui/l2/l2advertisementeditor.cpp" line="+67"/>
        <source>L2 advertisement editor</source>
        <translation>L2-Ankündigungs-Editor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>L2 advertisement</source>
        <translation>L2-Ankündigung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New…</source>
        <translation>&amp;Neu …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an L2 advertisement</source>
        <translation>Eine L2-Ankündigung hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this L2 advertisement</source>
        <translation>Diese L2-Ankündigung entfernen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>every interface</source>
        <translation>jede Schnittstelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Advertisement:</source>
        <translation>&amp;Ankündigung:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interfaces:</source>
        <translation>&amp;Schnittstellen:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The project has no L2 advertisement, so no node answers ARP for a service address. Add one to advertise the pools.</source>
        <translation>Das Projekt hat keine L2-Ankündigung, daher beantwortet kein Knoten ARP für eine Service-Adresse. Fügen Sie eine hinzu, um die Pools anzukündigen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Address pools</source>
        <translation>Adresspools</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pools of the advertisement</source>
        <translation>Pools der Ankündigung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change pool selectors of %1</source>
        <translation>Pool-Selektoren von %1 ändern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Or the pools with these labels:</source>
        <translation>Oder die Pools mit diesen Labels:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the pools to advertise by name:</source>
        <translation>Die anzukündigenden Pools nach Namen ankreuzen:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nodes that may announce</source>
        <translation>Knoten, die ankündigen dürfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No node selector: every node may announce.</source>
        <translation>Kein Knotenselektor: jeder Knoten darf ankündigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change node selectors of %1</source>
        <translation>Knotenselektoren von %1 ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes and whether the advertisement selects them</source>
        <translation>Knoten und ob die Ankündigung sie auswählt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Who answers ARP for each address</source>
        <translation>Wer ARP für jede Adresse beantwortet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announcer preview</source>
        <translation>Vorschau der Ankündiger</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>No pool named and no pool selector: every pool is advertised.</source>
        <translation>Kein Pool genannt und kein Pool-Selektor: jeder Pool wird angekündigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No pool is advertised.</source>
        <translation>Kein Pool wird angekündigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advertised: %1.</source>
        <translation>Angekündigt: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 of %n node(s) may announce.</source>
        <translation>
            <numerusform>Ankündigen dürfen: %1 von %n Knoten.</numerusform>
            <numerusform>Ankündigen dürfen: %1 von %n Knoten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n address(es).</source>
        <translation>
            <numerusform>%n Adresse.</numerusform>
            <numerusform>%n Adressen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Announcing: %1.</source>
        <translation>Es kündigen an: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n address(es) announced by nobody.</source>
        <translation>
            <numerusform>%n Adresse wird von niemandem angekündigt.</numerusform>
            <numerusform>%n Adressen werden von niemandem angekündigt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Rename L2 advertisement %1 to %2</source>
        <translation>L2-Ankündigung %1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Change interfaces of %1</source>
        <translation>Schnittstellen von %1 ändern</translation>
    </message>
</context>
<context>
    <name>k3snet::L2AdvertisementModel</name>
    <message>
        <location filename="../core/models/l2advertisementmodel.cpp" line="+17"/>
        <source>(everything)</source>
        <translation>(alles)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>pools with %1</source>
        <translation>Pools mit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all pools</source>
        <translation>alle Pools</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all nodes</source>
        <translation>alle Knoten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>all interfaces</source>
        <translation>alle Schnittstellen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node selectors</source>
        <translation>Knotenselektoren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matching nodes</source>
        <translation>Passende Knoten</translation>
    </message>
</context>
<context>
    <name>k3snet::L2NodeMatchModel</name>
    <message>
        <location filename="../core/models/l2nodematchmodel.cpp" line="+36"/>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No node selector of %1 matches the labels of %2.</source>
        <translation>Kein Knotenselektor von %1 passt zu den Labels von %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no node selector: it selects every node.</source>
        <translation>%1 hat keinen Knotenselektor und wählt daher jeden Knoten aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A node selector of %1 matches the labels of %2.</source>
        <translation>Ein Knotenselektor von %1 passt zu den Labels von %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yet it announces nothing: it is labelled %1.</source>
        <translation>Dennoch kündigt er nichts an: er trägt das Label %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yet it announces nothing: its network is unavailable.</source>
        <translation>Dennoch kündigt er nichts an: sein Netzwerk ist nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN IP</source>
        <translation>LAN-IP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>k3snet::LabelChip</name>
    <message>
        <location filename="../ui/l2/labelchip.cpp" line="+18"/>
        <source>Label selector requirement %1</source>
        <translation>Label-Selektor-Bedingung %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>k3snet::LabelValidator</name>
    <message>
        <location filename="../ui/validators/labelvalidator.cpp" line="+20"/>
        <source>A label is key=value, as in app=web.</source>
        <translation>Ein Label lautet key=value, etwa app=web.</translation>
    </message>
</context>
<context>
    <name>k3snet::LanPage</name>
    <message>
        <location filename="../ui/wizard/lanpage.cpp" line="+19"/>
        <source>Project and LAN</source>
        <translation>Projekt und LAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network your nodes are plugged into, as your router sets it up.</source>
        <translation>Das Netzwerk, an dem Ihre Knoten hängen, so wie Ihr Router es einrichtet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>192.168.1.0/24</source>
        <translation>192.168.1.0/24</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> bytes</source>
        <translation> Byte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Project &amp;name:</source>
        <translation>Projekt&amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAN &amp;subnet:</source>
        <translation>LAN-&amp;Subnetz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gateway:</source>
        <translation>&amp;Gateway:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes&apos; LAN &amp;interface:</source>
        <translation>LAN-Schnittstelle der &amp;Knoten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAN &amp;MTU:</source>
        <translation>LAN-&amp;MTU:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project name</source>
        <translation>Projektname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAN subnet</source>
        <translation>LAN-Subnetz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes&apos; LAN interface</source>
        <translation>LAN-Schnittstelle der Knoten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAN MTU</source>
        <translation>LAN-MTU</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The gateway %1 is outside the LAN %2.</source>
        <translation>Das Gateway %1 liegt außerhalb des LAN %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is the LAN&apos;s network or broadcast address.</source>
        <translation>%1 ist die Netz- oder Broadcast-Adresse des LAN.</translation>
    </message>
</context>
<context>
    <name>k3snet::ListValidator</name>
    <message>
        <location filename="../ui/validators/listvalidator.cpp" line="+26"/>
        <source>At least one entry is needed.</source>
        <translation>Mindestens ein Eintrag wird benötigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Entry %1 is empty.</source>
        <translation>Eintrag %1 ist leer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>k3snet::LiveMarkItem</name>
    <message>
        <location filename="../ui/topology/livemarkitem.cpp" line="+54"/>
        <source>%1 (seen by %2)</source>
        <translation>%1 (gesehen von %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A host outside the cluster answers for %1: %2</source>
        <translation>Ein Host außerhalb des Clusters antwortet für %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Several nodes answer ARP for %1: %2</source>
        <translation>Mehrere Knoten beantworten ARP für %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No node answers ARP for %1</source>
        <translation>Kein Knoten beantwortet ARP für %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 answers ARP for %2 (planned: %3)</source>
        <translation>%1 beantwortet ARP für %2 (geplant: %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answers ARP for %2, as planned</source>
        <translation>%1 beantwortet ARP für %2, wie geplant</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Agent on %1: %2</source>
        <translation>Agent auf %1: %2</translation>
    </message>
</context>
<context>
    <name>k3snet::LiveStatusController</name>
    <message>
        <location filename="../ui/provision/livestatuscontroller.cpp" line="+46"/>
        <source>The project has no nodes to ask.</source>
        <translation>Das Projekt hat keine Knoten, die sich abfragen ließen.</translation>
    </message>
</context>
<context>
    <name>k3snet::LiveStatusWidget</name>
    <message>
        <location filename="../ui/provision/livestatuswidget.cpp" line="+22"/>
        <source>Agent status per node</source>
        <translation>Agent-Status je Knoten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answers ARP for</source>
        <translation>Beantwortet ARP für</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+29"/>
        <source>Not checked yet: Cluster ▸ Refresh Status (F5) asks every node&apos;s agent over SSH.</source>
        <translation>Noch nicht geprüft: Cluster ▸ Status aktualisieren (F5) fragt den Agenten jedes Knotens über SSH ab.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked %1.</source>
        <translation>Geprüft: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split: %1 is answered by %2.</source>
        <translation>Mehrfach angekündigt: %1 wird von %2 beantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflict: %1 is claimed by %2, a host outside the cluster (seen by %3 on %4).</source>
        <translation>Konflikt: %1 wird von %2 beansprucht, einem Host außerhalb des Clusters (gesehen von %3 an %4).</translation>
    </message>
</context>
<context>
    <name>k3snet::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+57"/>
        <location line="+288"/>
        <source>k3snet</source>
        <translation>k3snet</translation>
    </message>
    <message>
        <location line="-265"/>
        <location line="+1"/>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;Demo Cluster</source>
        <translation>&amp;Demo-Cluster öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import MetalLB/kubectl YAML…</source>
        <translation>MetalLB-/kubectl-YAML &amp;importieren …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Picture as &amp;PNG…</source>
        <translation>Bild als &amp;PNG exportieren …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Picture as S&amp;VG…</source>
        <translation>Bild als S&amp;VG exportieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close Project</source>
        <translation>Projekt s&amp;chließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>Zu&amp;letzt geöffnet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Panels</source>
        <translation>&amp;Seitenleisten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About k3snet</source>
        <translation>Ü&amp;ber k3snet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowdocks.cpp" line="+73"/>
        <location line="+22"/>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Address pools</source>
        <translation>Adresspools</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L2 advertisements</source>
        <translation>L2-Ankündigungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Undo history</source>
        <translation>Rückgängig-Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L2 Advertisements</source>
        <translation>L2-Ankündigungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L2 Advertisement Editor</source>
        <translation>L2-Ankündigungs-Editor</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Diagnostics</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Undo History</source>
        <translation>Rückgängig-Verlauf</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Address map</source>
        <translation>Adresskarte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+102"/>
        <source>%1[*] — k3snet</source>
        <translation>%1[*] — k3snet</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Clear List</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Export Picture</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported the picture to %1</source>
        <translation>Bild nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export Picture as SVG</source>
        <translation>Bild als SVG exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Picture as PNG</source>
        <translation>Bild als PNG exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About k3snet</source>
        <translation>Über k3snet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;k3snet %1&lt;/h3&gt;&lt;p&gt;See, design and run the network of a K3s cluster: nodes, pod subnets, flannel-compatible VXLAN tunnels and MetalLB-style address pools.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;k3snet %1&lt;/h3&gt;&lt;p&gt;Das Netzwerk eines K3s-Clusters sehen, entwerfen und betreiben: Knoten, Pod-Subnetze, flannel-kompatible VXLAN-Tunnel und Adresspools wie bei MetalLB.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowcluster.cpp" line="+26"/>
        <source>Live Status</source>
        <translation>Live-Status</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Asking every node&apos;s agent over SSH…</source>
        <translation>Der Agent jedes Knotens wird über SSH abgefragt …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refreshing the agents&apos; status…</source>
        <translation>Status der Agenten wird aktualisiert …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agent status refreshed</source>
        <translation>Agent-Status aktualisiert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Provision Nodes…</source>
        <translation>Knoten &amp;bereitstellen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Install or update k3snet-agent on the nodes over SSH</source>
        <translation>k3snet-agent über SSH auf den Knoten installieren oder aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Uninstall k3snet-agent…</source>
        <translation>k3snet-agent &amp;deinstallieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove k3snet-agent, its data plane and its files from the nodes; K3s stays</source>
        <translation>k3snet-agent, seine Datenebene und seine Dateien von den Knoten entfernen; K3s bleibt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh Status</source>
        <translation>Status a&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask every node&apos;s agent what it does, over SSH</source>
        <translation>Den Agenten jedes Knotens über SSH fragen, was er tut</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refresh Status &amp;Every 30 Seconds</source>
        <translation>Status &amp;alle 30 Sekunden aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the live status current; never asks questions (unknown hosts stay unreachable)</source>
        <translation>Den Live-Status aktuell halten; stellt nie Fragen (unbekannte Hosts bleiben unerreichbar)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the Project First</source>
        <translation>Zuerst das Projekt speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provisioning uses the saved project file, and keeps the cluster key next to it. Save now?</source>
        <translation>Die Bereitstellung verwendet die gespeicherte Projektdatei und legt den Cluster-Schlüssel daneben ab. Jetzt speichern?</translation>
    </message>
</context>
<context>
    <name>k3snet::NameValidator</name>
    <message>
        <location filename="../ui/validators/namevalidator.cpp" line="+34"/>
        <source>A name holds lowercase letters, digits, “-” and “.” only.</source>
        <translation>Ein Name enthält nur Kleinbuchstaben, Ziffern, „-“ und „.“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name holds lowercase letters, digits and “-” only.</source>
        <translation>Ein Name enthält nur Kleinbuchstaben, Ziffern und „-“.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>A name has at most %n characters.</source>
        <translation>
            <numerusform>Ein Name hat höchstens %n Zeichen.</numerusform>
            <numerusform>Ein Name hat höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A service name starts with a letter.</source>
        <translation>Ein Service-Name beginnt mit einem Buchstaben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A name ends with a letter or a digit.</source>
        <translation>Ein Name endet mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name starts with a letter or a digit.</source>
        <translation>Ein Name beginnt mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An interface name has no “/”, “:”, spaces or accents.</source>
        <translation>Ein Schnittstellenname enthält kein „/“, kein „:“, keine Leerzeichen und keine Akzente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An interface name has at most 15 characters.</source>
        <translation>Ein Schnittstellenname hat höchstens 15 Zeichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not an interface name.</source>
        <translation>„%1“ ist kein Schnittstellenname.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A name is needed.</source>
        <translation>Ein Name wird benötigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is taken: choose another name.</source>
        <translation>„%1“ ist vergeben: wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>k3snet::NewProjectWizard</name>
    <message>
        <location filename="../ui/wizard/newprojectwizard.cpp" line="+16"/>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
</context>
<context>
    <name>k3snet::NodeDialog</name>
    <message>
        <location filename="../ui/dialogs/nodedialog.cpp" line="+66"/>
        <source>Edit Node %1</source>
        <translation>Knoten %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Node</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>node1</source>
        <translation>node1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>server (control plane)</source>
        <translation>Server (Steuerungsebene)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agent (worker)</source>
        <translation>Agent (Worker)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an address of %1</source>
        <translation>eine Adresse aus %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the user k3snet logs in as, e.g. pi</source>
        <translation>der Benutzer, als der sich k3snet anmeldet, z. B. pi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>zone=rack1, k3snet.io/announce=true</source>
        <translation>zone=rack1, k3snet.io/announce=true</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;LAN address:</source>
        <translation>&amp;LAN-Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interface:</source>
        <translation>&amp;Schnittstelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;SSH user:</source>
        <translation>SSH-Ben&amp;utzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La&amp;bels:</source>
        <translation>La&amp;bels:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty interface means the cluster&apos;s LAN interface (%1). Labels are what L2 advertisements select nodes by.</source>
        <translation>Eine leere Schnittstelle bedeutet die LAN-Schnittstelle des Clusters (%1). Nach Labels wählen L2-Ankündigungen Knoten aus.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is the address of node %2.</source>
        <translation>%1 ist die Adresse von Knoten %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is outside the LAN %2.</source>
        <translation>%1 liegt außerhalb des LAN %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is the gateway&apos;s address.</source>
        <translation>%1 ist die Adresse des Gateways.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is the LAN&apos;s network or broadcast address.</source>
        <translation>%1 ist die Netz- oder Broadcast-Adresse des LAN.</translation>
    </message>
</context>
<context>
    <name>k3snet::NodeDraftModel</name>
    <message>
        <location filename="../ui/wizard/nodedraftmodel.cpp" line="+20"/>
        <location filename="../ui/wizard/nodespage.cpp" line="+34"/>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/wizard/nodespage.cpp" line="+1"/>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Node %1 is listed twice.</source>
        <translation>Knoten %1 ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is outside the LAN %2.</source>
        <translation>%1 liegt außerhalb des LAN %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is the gateway&apos;s address.</source>
        <translation>%1 ist die Adresse des Gateways.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is the LAN&apos;s network or broadcast address.</source>
        <translation>%1 ist die Netz- oder Broadcast-Adresse des LAN.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is also the address of %2.</source>
        <translation>%1 ist auch die Adresse von %2.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN address</source>
        <translation>LAN-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>A cluster needs at least one node.</source>
        <translation>Ein Cluster braucht mindestens einen Knoten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>k3snet::NodeModel</name>
    <message>
        <location filename="../core/models/nodemodel.cpp" line="+15"/>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Recorded in the project: this node keeps it</source>
        <translation>Im Projekt festgehalten: dieser Knoten behält es</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocated by the plan (lowest free subnet)</source>
        <translation>Vom Plan zugeteilt (niedrigstes freies Subnetz)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LAN IP</source>
        <translation>LAN-IP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pod subnet</source>
        <translation>Pod-Subnetz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VTEP address</source>
        <translation>VTEP-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VTEP MAC</source>
        <translation>VTEP-MAC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>A node needs a name.</source>
        <translation>Ein Knoten braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a valid node name: %2</source>
        <translation>„%1“ ist kein gültiger Knotenname: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already a node named %1.</source>
        <translation>Es gibt bereits einen Knoten namens %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a node role: use server or agent.</source>
        <translation>„%1“ ist keine Knotenrolle: Server oder Agent verwenden.</translation>
    </message>
</context>
<context>
    <name>k3snet::NodesPage</name>
    <message>
        <location filename="../ui/wizard/nodespage.cpp" line="+22"/>
        <location line="+6"/>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The machines of the cluster. Servers run the Kubernetes control plane; agents run workloads. More can be added later.</source>
        <translation>Die Rechner des Clusters. Server betreiben die Kubernetes-Steuerungsebene, Agents die Workloads. Weitere lassen sich später hinzufügen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Add Node</source>
        <translation>Knoten &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>k3snet::ObjectActions</name>
    <message>
        <location filename="../ui/objectactions.cpp" line="+67"/>
        <source>Add &amp;Node…</source>
        <translation>&amp;Knoten hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Pool…</source>
        <translation>&amp;Pool hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;L2 Advertisement…</source>
        <translation>L2-&amp;Ankündigung hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Service…</source>
        <translation>&amp;Service hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add…</source>
        <translation>Hin&amp;zufügen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+143"/>
        <source>Remove %n object(s)</source>
        <translation>
            <numerusform>%n Objekt entfernen</numerusform>
            <numerusform>%n Objekte entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>&amp;Delete %n Objects</source>
        <translation>
            <numerusform>%n Objekt &amp;löschen</numerusform>
            <numerusform>%n Objekte &amp;löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>k3snet::ObjectTableWidget</name>
    <message>
        <location filename="../ui/tables/objecttablewidget.cpp" line="+30"/>
        <source>Filter…</source>
        <translation>Filtern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter %1</source>
        <translation>%1 filtern</translation>
    </message>
</context>
<context>
    <name>k3snet::PoolChartWidget</name>
    <message>
        <location filename="../ui/pools/poolchartwidget.cpp" line="+47"/>
        <source>IPv4 addresses per pool</source>
        <translation>IPv4-Adressen je Pool</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pool usage chart</source>
        <translation>Diagramm der Pool-Belegung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assigned, free and avoided addresses of each address pool</source>
        <translation>Vergebene, freie und gemiedene Adressen jedes Adresspools</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Assigned</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avoided</source>
        <translation>Gemieden</translation>
    </message>
</context>
<context>
    <name>k3snet::PoolChoiceModel</name>
    <message>
        <location filename="../core/models/poolchoicemodel.cpp" line="+38"/>
        <source>by name</source>
        <translation>nach Name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every pool</source>
        <translation>jeder Pool</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by its labels</source>
        <translation>nach seinen Labels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no such pool</source>
        <translation>kein solcher Pool</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The advertisement names “%1”, but there is no such pool.</source>
        <translation>Die Ankündigung nennt „%1“, aber es gibt keinen solchen Pool.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advertised</source>
        <translation>Angekündigt</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>There is no L2 advertisement %1.</source>
        <translation>Es gibt keine L2-Ankündigung %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Advertise pool %1 in %2</source>
        <translation>Pool %1 in %2 ankündigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop advertising pool %1 in %2</source>
        <translation>Pool %1 in %2 nicht mehr ankündigen</translation>
    </message>
</context>
<context>
    <name>k3snet::PoolDialog</name>
    <message>
        <location filename="../ui/dialogs/pooldialog.cpp" line="+38"/>
        <source>Edit Pool %1</source>
        <translation>Pool %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Pool</source>
        <translation>Pool hinzufügen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>10.0.0.200-10.0.0.250, 10.0.0.240/28</source>
        <translation>10.0.0.200-10.0.0.250, 10.0.0.240/28</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give addresses to services that ask for no pool</source>
        <translation>Services Adressen geben, die keinen Pool verlangen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Never hand out addresses ending in .0 or .255</source>
        <translation>Nie Adressen vergeben, die auf .0 oder .255 enden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Addresses:</source>
        <translation>&amp;Adressen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-assign:</source>
        <translation>Auto-Vergabe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avoid buggy IPs:</source>
        <translation>Fehleranfällige IPs meiden:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addresses are ranges (first-last) or prefixes (address/length), separated by commas. An L2 advertisement makes the nodes answer ARP for them.</source>
        <translation>Adressen sind Bereiche (erste-letzte) oder Präfixe (Adresse/Länge), durch Kommas getrennt. Eine L2-Ankündigung lässt die Knoten ARP für sie beantworten.</translation>
    </message>
</context>
<context>
    <name>k3snet::PoolModel</name>
    <message>
        <location filename="../core/models/poolmodel.cpp" line="+32"/>
        <source>%1 IPv4 + %2 IPv6</source>
        <translation>%1 IPv4 + %2 IPv6</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Services of every namespace may get an address from this pool</source>
        <translation>Services aus jedem Namespace können eine Adresse aus diesem Pool erhalten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Auto-assign</source>
        <translation>Auto-Vergabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Avoid buggy IPs</source>
        <translation>Fehleranfällige IPs meiden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assigned</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>A pool needs a name.</source>
        <translation>Ein Pool braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a valid pool name: %2</source>
        <translation>„%1“ ist kein gültiger Poolname: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already a pool named %1.</source>
        <translation>Es gibt bereits einen Pool namens %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A pool needs at least one address range or CIDR.</source>
        <translation>Ein Pool braucht mindestens einen Adressbereich oder ein CIDR.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;%1&quot; is not a priority: give a whole number (lower comes first).</source>
        <translation>„%1“ ist keine Priorität: eine ganze Zahl angeben (kleinere Werte kommen zuerst).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is not a namespace name: %2</source>
        <translation>„%1“ ist kein Namespace-Name: %2</translation>
    </message>
</context>
<context>
    <name>k3snet::PortValidator</name>
    <message>
        <location filename="../ui/validators/portvalidator.cpp" line="+21"/>
        <location line="+9"/>
        <source>A port number is needed.</source>
        <translation>Eine Portnummer wird benötigt.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>A port is a number, optionally followed by /TCP, /UDP or /SCTP.</source>
        <translation>Ein Port ist eine Zahl, wahlweise gefolgt von /TCP, /UDP oder /SCTP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A port is at most 65535.</source>
        <translation>Ein Port ist höchstens 65535.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A port is at least 1.</source>
        <translation>Ein Port ist mindestens 1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>The protocol is TCP, UDP or SCTP.</source>
        <translation>Das Protokoll ist TCP, UDP oder SCTP.</translation>
    </message>
</context>
<context>
    <name>k3snet::ProjectFileController</name>
    <message numerus="yes">
        <location filename="../ui/projectfilecontroller.cpp" line="+102"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere Meldung</numerusform>
            <numerusform>… und %n weitere Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <location line="+86"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Cannot open %1.</source>
        <translation>%1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a valid k3snet project.</source>
        <translation>%1 ist kein gültiges k3snet-Projekt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+8"/>
        <source>Import YAML</source>
        <translation>YAML importieren</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Cannot import %1.</source>
        <translation>%1 kann nicht importiert werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 cannot be imported: it has errors. Nothing was changed.</source>
        <translation>%1 kann nicht importiert werden: Die Datei enthält Fehler. Es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Imported %n object(s) from %1</source>
        <translation>
            <numerusform>%n Objekt aus %1 importiert</numerusform>
            <numerusform>%n Objekte aus %1 importiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Save Project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The project was not saved.</source>
        <translation>Das Projekt wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>k3snet projects (*.k3snet.yaml);;Kubernetes and MetalLB YAML (*.yaml *.yml);;All files (*)</source>
        <translation>k3snet-Projekte (*.k3snet.yaml);;Kubernetes- und MetalLB-YAML (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import MetalLB or kubectl YAML</source>
        <translation>MetalLB- oder kubectl-YAML importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubernetes and MetalLB YAML (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Kubernetes- und MetalLB-YAML (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>k3snet projects (*.k3snet.yaml)</source>
        <translation>k3snet-Projekte (*.k3snet.yaml)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project “%1” has changes that are not saved.
Do you want to save them?</source>
        <translation>Das Projekt „%1“ enthält ungespeicherte Änderungen.
Möchten Sie sie speichern?</translation>
    </message>
</context>
<context>
    <name>k3snet::ProvisionDialog</name>
    <message>
        <location filename="../ui/provision/provisiondialog.cpp" line="+36"/>
        <source>Uninstall k3snet-agent</source>
        <translation>k3snet-agent deinstallieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provision Nodes</source>
        <translation>Knoten bereitstellen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nodes to provision</source>
        <translation>Bereitzustellende Knoten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Nodes</source>
        <translation>&amp;Knoten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>each node&apos;s ssh user, else %1</source>
        <translation>SSH-Benutzer des jeweiligen Knotens, sonst %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa</source>
        <translation>ssh-agent, dann ~/.ssh/id_ed25519, id_ecdsa, id_rsa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a private key file</source>
        <translation>Eine private Schlüsseldatei auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private Key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accept &amp;new host keys without asking</source>
        <translation>&amp;Neue Host-Schlüssel ohne Nachfrage annehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A host seen for the first time is trusted and recorded. A changed key is always refused.</source>
        <translation>Ein erstmals gesehener Host wird als vertrauenswürdig angenommen und eingetragen. Ein geänderter Schlüssel wird immer abgelehnt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH &amp;user:</source>
        <translation>SSH-Ben&amp;utzer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Key file:</source>
        <translation>Schlüssel&amp;datei:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes at &amp;once:</source>
        <translation>Knoten &amp;gleichzeitig:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Uninstall</source>
        <translation>De&amp;installieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Provision</source>
        <translation>&amp;Bereitstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Cancel Run</source>
        <translation>Lauf &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling: nodes already switched over are rolled back first…</source>
        <translation>Wird abgebrochen: bereits umgeschaltete Knoten werden zuerst zurückgerollt …</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose at least one node.</source>
        <translation>Wählen Sie mindestens einen Knoten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the project first: the cluster key is kept next to the project file.</source>
        <translation>Speichern Sie zuerst das Projekt: der Cluster-Schlüssel liegt neben der Projektdatei.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>created the cluster key %1 (mode 0600)</source>
        <translation>Cluster-Schlüssel %1 angelegt (Modus 0600)</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Working on %n node(s)…</source>
        <translation>
            <numerusform>Arbeite an %n Knoten …</numerusform>
            <numerusform>Arbeite an %n Knoten …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>All %n node(s) ok</source>
        <translation>
            <numerusform>%n Knoten in Ordnung</numerusform>
            <numerusform>Alle %n Knoten in Ordnung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n node(s) failed</source>
        <translation>
            <numerusform>%1 von %n Knoten fehlgeschlagen</numerusform>
            <numerusform>%1 von %n Knoten fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> in %1 s.</source>
        <translation> in %1 s.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The run was cancelled.</source>
        <translation>Der Lauf wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelling before closing: nodes already switched over are rolled back first…</source>
        <translation>Vor dem Schließen wird abgebrochen: bereits umgeschaltete Knoten werden zuerst zurückgerollt …</translation>
    </message>
</context>
<context>
    <name>k3snet::ProvisionProgressWidget</name>
    <message>
        <location filename="../ui/provision/provisionprogresswidget.cpp" line="+26"/>
        <source>Progress per node</source>
        <translation>Fortschritt je Knoten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Log of the selected node</source>
        <translation>Protokoll des ausgewählten Knotens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a node to see its log.</source>
        <translation>Wählen Sie einen Knoten, um sein Protokoll zu sehen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
</context>
<context>
    <name>k3snet::SelectorEditor</name>
    <message>
        <location filename="../ui/l2/selectoreditor.cpp" line="+21"/>
        <source>add: app=web, zone in (a,b), !gpu</source>
        <translation>hinzufügen: app=web, zone in (a,b), !gpu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New label selector requirement</source>
        <translation>Neue Label-Selektor-Bedingung</translation>
    </message>
</context>
<context>
    <name>k3snet::SelectorListEditor</name>
    <message>
        <location filename="../ui/l2/selectorlisteditor.cpp" line="+25"/>
        <source>Or &amp;another selector</source>
        <translation>Oder &amp;weiterer Selektor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a selector of its own: objects matching either selector are selected</source>
        <translation>Einen eigenen Selektor hinzufügen: ausgewählt werden Objekte, die zu einem der Selektoren passen</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove this selector</source>
        <translation>Diesen Selektor entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selector %1</source>
        <translation>Selektor %1 entfernen</translation>
    </message>
</context>
<context>
    <name>k3snet::ServiceDialog</name>
    <message>
        <location filename="../ui/dialogs/servicedialog.cpp" line="+50"/>
        <source>Edit Service %1</source>
        <translation>Service %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Service</source>
        <translation>Service hinzufügen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1/%2 exists: choose another name.</source>
        <translation>%1/%2 existiert: wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>80/TCP, 443/TCP</source>
        <translation>80/TCP, 443/TCP</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>any free address</source>
        <translation>beliebige freie Adresse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>any pool that admits the service</source>
        <translation>beliebiger Pool, der den Service zulässt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (no such pool)</source>
        <translation>%1 (kein solcher Pool)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cluster: any node may announce</source>
        <translation>Cluster: jeder Knoten darf ankündigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local: only nodes with an endpoint announce</source>
        <translation>Local: nur Knoten mit einem Endpunkt kündigen an</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name&amp;space:</source>
        <translation>Name&amp;space:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ports:</source>
        <translation>&amp;Ports:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Requested addresses:</source>
        <translation>&amp;Angeforderte Adressen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ool:</source>
        <translation>P&amp;ool:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic &amp;policy:</source>
        <translation>Traffic-&amp;Richtlinie:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A LoadBalancer service gets an address from a pool; leave the requested addresses empty to take the lowest free one.</source>
        <translation>Ein LoadBalancer-Service erhält eine Adresse aus einem Pool; lassen Sie die angeforderten Adressen leer, um die niedrigste freie zu nehmen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only LoadBalancer services get an address from a pool.</source>
        <translation>Nur LoadBalancer-Services erhalten eine Adresse aus einem Pool.</translation>
    </message>
</context>
<context>
    <name>k3snet::ServiceModel</name>
    <message numerus="yes">
        <location filename="../core/models/servicemodel.cpp" line="+93"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+90"/>
        <source>&lt;pending&gt;</source>
        <translation>&lt;ausstehend&gt;</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested IP</source>
        <translation>Angeforderte IP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>External IPs</source>
        <translation>Externe IPs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Announced by</source>
        <translation>Angekündigt von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fallbacks</source>
        <translation>Ersatzknoten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending because</source>
        <translation>Ausstehend, weil</translation>
    </message>
</context>
<context>
    <name>k3snet::StartPageWidget</name>
    <message>
        <location filename="../ui/startpagewidget.cpp" line="+35"/>
        <source>Start page</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>k3snet</source>
        <translation>k3snet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See, design and run the network of your K3s cluster: nodes, pod subnets, VXLAN tunnels and MetalLB address pools.</source>
        <translation>Das Netzwerk Ihres K3s-Clusters sehen, entwerfen und betreiben: Knoten, Pod-Subnetze, VXLAN-Tunnel und MetalLB-Adresspools.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New Project…</source>
        <translation>Neues Projekt …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Describe your LAN and your nodes; k3s&apos;s defaults are filled in.</source>
        <translation>Beschreiben Sie Ihr LAN und Ihre Knoten; die Vorgaben von k3s sind schon eingetragen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Project…</source>
        <translation>Projekt öffnen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a *.k3snet.yaml project file.</source>
        <translation>Eine Projektdatei *.k3snet.yaml öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the Demo Cluster</source>
        <translation>Demo-Cluster öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Four Raspberry Pis on 10.0.0.0/24 with Traefik behind a MetalLB pool.</source>
        <translation>Vier Raspberry Pis im Netz 10.0.0.0/24 mit Traefik hinter einem MetalLB-Pool.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import MetalLB or kubectl YAML…</source>
        <translation>MetalLB- oder kubectl-YAML importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pools, L2 advertisements, services and nodes from manifests or a kubectl get -o yaml dump.</source>
        <translation>Pools, L2-Ankündigungen, Services und Knoten aus Manifesten oder einer Ausgabe von kubectl get -o yaml.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Projects you open or save will be listed here.</source>
        <translation>Projekte, die Sie öffnen oder speichern, werden hier aufgeführt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recent Projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
</context>
<context>
    <name>k3snet::TopologyScene</name>
    <message>
        <location filename="../ui/topology/topologyscene.cpp" line="+160"/>
        <source>VNI %1, UDP port %2</source>
        <translation>VNI %1, UDP-Port %2</translation>
    </message>
    <message>
        <location filename="../ui/topology/topologyscenelayout.cpp" line="+110"/>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;b&gt;VXLAN tunnel&lt;/b&gt; %1 ↔ %2&lt;br&gt;%1: LAN %3, VTEP %4, MAC %5&lt;br&gt;%2: LAN %6, VTEP %7, MAC %8&lt;br&gt;%9</source>
        <translation>&lt;b&gt;VXLAN-Tunnel&lt;/b&gt; %1 ↔ %2&lt;br&gt;%1: LAN %3, VTEP %4, MAC %5&lt;br&gt;%2: LAN %6, VTEP %7, MAC %8&lt;br&gt;%9</translation>
    </message>
</context>
<context>
    <name>k3snet::TopologyView</name>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="+35"/>
        <source>Network topology</source>
        <translation>Netzwerktopologie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The LAN, the nodes with their pod subnets and VTEPs, the overlay tunnels and the LoadBalancer addresses each node announces</source>
        <translation>Das LAN, die Knoten mit ihren Pod-Subnetzen und VTEPs, die Overlay-Tunnel und die LoadBalancer-Adressen, die jeder Knoten ankündigt</translation>
    </message>
</context>
<context>
    <name>k3snet::ValidatedLineEdit</name>
    <message>
        <location filename="../ui/widgets/validatedlineedit.cpp" line="+44"/>
        <source>This value is not valid.</source>
        <translation>Dieser Wert ist ungültig.</translation>
    </message>
</context>
<context>
    <name>k3snetctl</name>
    <message>
        <location filename="../app/k3snetctl/cli.cpp" line="+77"/>
        <source>cannot read standard input</source>
        <translation>Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 and %2 are both project files; give at most one, and Kubernetes YAML to merge into it</source>
        <translation>%1 und %2 sind beide Projektdateien; höchstens eine angeben, dazu Kubernetes-YAML zum Einmischen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>converted</source>
        <translation>umgewandelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept as is</source>
        <translation>unverändert behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>applied</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 %3 (%4)</source>
        <translation>%1 %2 %3 (%4)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no problems found</source>
        <translation>keine Probleme gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/main.cpp" line="+22"/>
        <source>check project files and report every problem</source>
        <translation>Projektdateien prüfen und jedes Problem melden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show nodes, pod subnets, VTEPs, pools, services and diagnostics</source>
        <translation>Knoten, Pod-Subnetze, VTEPs, Pools, Services und Befunde anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import Kubernetes/MetalLB YAML into a project</source>
        <translation>Kubernetes-/MetalLB-YAML in ein Projekt importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write a project&apos;s MetalLB resources or a node&apos;s k3s config</source>
        <translation>die MetalLB-Ressourcen eines Projekts oder die k3s-Konfiguration eines Knotens schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>install or update k3snet-agent on the nodes over SSH</source>
        <translation>k3snet-agent über SSH auf den Knoten installieren oder aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read every node&apos;s agent status over SSH</source>
        <translation>den Agent-Status jedes Knotens über SSH lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove k3snet-agent and its data plane from the nodes</source>
        <translation>k3snet-agent und seine Datenebene von den Knoten entfernen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Usage: k3snetctl &lt;command&gt; [options] [arguments]</source>
        <translation>Aufruf: k3snetctl &lt;Befehl&gt; [Optionen] [Argumente]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network of a K3s cluster (flannel-compatible VXLAN, MetalLB-style pools) as one plan.</source>
        <translation>Das Netzwerk eines K3s-Clusters (flannel-kompatibles VXLAN, Pools wie bei MetalLB) als ein Plan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run &quot;k3snetctl &lt;command&gt; --help&quot; for a command&apos;s options.</source>
        <translation>„k3snetctl &lt;Befehl&gt; --help“ zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>k3snetctl: unknown command &quot;%1&quot;</source>
        <translation>k3snetctl: unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/plancommand.cpp" line="+39"/>
        <source>Plan for %1 (%2)</source>
        <translation>Plan für %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NODES</source>
        <translation>KNOTEN</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <location line="+21"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LAN IP</source>
        <translation>LAN-IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>POD SUBNET</source>
        <translation>POD-SUBNETZ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VTEP</source>
        <translation>VTEP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VTEP ADDRESS</source>
        <translation>VTEP-ADRESSE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VTEP MAC</source>
        <translation>VTEP-MAC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CNI0</source>
        <translation>CNI0</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (pinned)</source>
        <translation> (fest)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  (no nodes)</source>
        <translation>  (keine Knoten)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>POOLS</source>
        <translation>POOLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ADDRESSES</source>
        <translation>ADRESSEN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ASSIGNED</source>
        <translation>VERGEBEN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AVAILABLE</source>
        <translation>FREI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AUTO-ASSIGN</source>
        <translation>AUTO-VERGABE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AVOID-BUGGY-IPS</source>
        <translation>FEHLERANFÄLLIGE-IPS-MEIDEN</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../app/k3snetctl/terminalprompter.cpp" line="+115"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/k3snetctl/terminalprompter.cpp" line="+8"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  (no pools)</source>
        <translation>  (keine Pools)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SERVICES</source>
        <translation>SERVICES</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CLUSTER-IP</source>
        <translation>CLUSTER-IP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EXTERNAL-IP</source>
        <translation>EXTERNE-IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PORTS</source>
        <translation>PORTS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>POOL</source>
        <translation>POOL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ANNOUNCER</source>
        <translation>ANKÜNDIGER</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (then %1)</source>
        <translation> (danach %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  (no services)</source>
        <translation>  (keine Services)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  %1/%2 is pending: %3</source>
        <translation>  %1/%2 wartet: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DIAGNOSTICS</source>
        <translation>BEFUNDE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  none: the plan is valid</source>
        <translation>  keine: der Plan ist gültig</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show the network plan of a project: each node&apos;s pod subnet, VTEP and cni0 bridge, the address
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
        <location line="+12"/>
        <source>At most one project file (*.k3snet.yaml) and any Kubernetes/MetalLB YAML files; - reads standard input.</source>
        <translation>Höchstens eine Projektdatei (*.k3snet.yaml) und beliebige Kubernetes-/MetalLB-YAML-Dateien; - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>k3snetctl plan: give exactly one of --demo or files (try --help)</source>
        <translation>k3snetctl plan: entweder --demo oder Dateien angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="-24"/>
        <location filename="../app/k3snetctl/provisioncommand.cpp" line="+175"/>
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+23"/>
        <source>Output format: text or json.</source>
        <translation>Ausgabeformat: text oder json.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/k3snetctl/provisioncommand.cpp" line="+0"/>
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+1"/>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan the bundled demo project (the seed&apos;s Pi cluster).</source>
        <translation>Das mitgelieferte Demoprojekt planen (der Pi-Cluster aus der Vorlage).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>k3snetctl plan: unknown format &quot;%1&quot; (use text or json)</source>
        <translation>k3snetctl plan: unbekanntes Format „%1“ (text oder json verwenden)</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+10"/>
        <source>k3snetctl plan: %1</source>
        <translation>k3snetctl plan: %1</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+1"/>
        <source>Validate the bundled demo project.</source>
        <translation>Das mitgelieferte Demoprojekt prüfen.</translation>
    </message>
    <message>
        <location line="-7"/>
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
        <location line="+10"/>
        <source>Project files (*.k3snet.yaml) or Kubernetes/MetalLB YAML; - reads standard input.</source>
        <translation>Projektdateien (*.k3snet.yaml) oder Kubernetes-/MetalLB-YAML; - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>k3snetctl validate: unknown format &quot;%1&quot; (use text or json)</source>
        <translation>k3snetctl validate: unbekanntes Format „%1“ (text oder json verwenden)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>k3snetctl validate: no file given (try --help)</source>
        <translation>k3snetctl validate: keine Datei angegeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>k3snetctl validate: %1</source>
        <translation>k3snetctl validate: %1</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/exportcommand.cpp" line="+22"/>
        <source>Write what a project deploys: its MetalLB resources (IPAddressPools, L2Advertisements and the
MetalLB objects kept on import) for kubectl apply -f, or the k3s config.yaml or the k3snet-agent
configuration (/etc/k3snet/agent.yaml) of one node.
The project may also be Kubernetes/MetalLB YAML, such as a legacy MetalLB ConfigMap to convert.
Exit status: 0 when written, 1 when the project has errors, 2 on usage or I/O errors.</source>
        <translation>Schreibt, was ein Projekt ausrollt: seine MetalLB-Ressourcen (IPAddressPools, L2Advertisements und die
beim Import behaltenen MetalLB-Objekte) für kubectl apply -f, oder die k3s-config.yaml oder die
k3snet-agent-Konfiguration (/etc/k3snet/agent.yaml) eines Knotens.
Das Projekt darf auch Kubernetes-/MetalLB-YAML sein, etwa eine alte MetalLB-ConfigMap zum Umwandeln.
Exit-Status: 0 wenn geschrieben, 1 wenn das Projekt Fehler hat, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write the MetalLB resources.</source>
        <translation>Die MetalLB-Ressourcen schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the k3s config.yaml of this node.</source>
        <translation>Die k3s-config.yaml dieses Knotens schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the k3snet-agent configuration of this node.</source>
        <translation>Die k3snet-agent-Konfiguration dieses Knotens schreiben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write to this file (atomically) instead of standard output.</source>
        <translation>In diese Datei (atomar) statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/k3snetctl/provisioncommand.cpp" line="-22"/>
        <location line="+4"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The project (*.k3snet.yaml, or Kubernetes YAML); - reads standard input.</source>
        <translation>Das Projekt (*.k3snet.yaml oder Kubernetes-YAML); - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>k3snetctl export: give --metallb, --k3s-config NODE or --agent-config NODE, and one project (try --help)</source>
        <translation>k3snetctl export: --metallb, --k3s-config KNOTEN oder --agent-config KNOTEN und ein Projekt angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+52"/>
        <source>k3snetctl export: %1</source>
        <translation>k3snetctl export: %1</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>%1: cannot be read; nothing exported</source>
        <translation>%1: kann nicht gelesen werden; nichts exportiert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>k3snetctl export: %1 has no node &quot;%2&quot; (nodes: %3)</source>
        <translation>k3snetctl export: %1 hat keinen Knoten „%2“ (Knoten: %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>k3snetctl export: the agent configuration of &quot;%1&quot; would be refused by k3snet-agent; fix the project (k3snetctl validate)</source>
        <translation>k3snetctl export: k3snet-agent würde die Agent-Konfiguration von „%1“ ablehnen; das Projekt korrigieren (k3snetctl validate)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/importcommand.cpp" line="+34"/>
        <source>Import Kubernetes and MetalLB YAML into a k3snet project: IPAddressPools and L2Advertisements,
Services, Nodes, Namespaces and EndpointSlices, from manifests or kubectl get -o yaml dumps; the
legacy MetalLB ConfigMap and Helm configInline are converted as MetalLB&apos;s configmaptocrs does.
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
        <location line="+8"/>
        <source>The project file to write (*.k3snet.yaml).</source>
        <translation>Die zu schreibende Projektdatei (*.k3snet.yaml).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Merge into this project instead of a new one; objects with the same kind and name are replaced.</source>
        <translation>In dieses Projekt statt in ein neues einmischen; Objekte gleicher Art und gleichen Namens werden ersetzt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kubernetes/MetalLB YAML files; - reads standard input.</source>
        <translation>Kubernetes-/MetalLB-YAML-Dateien; - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>k3snetctl import: give the files to import and -o PROJECT (try --help)</source>
        <translation>k3snetctl import: die zu importierenden Dateien und -o PROJEKT angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+24"/>
        <location line="+27"/>
        <source>k3snetctl import: %1</source>
        <translation>k3snetctl import: %1</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>k3snetctl import: %1 is not a k3snet project; give it as a file to import</source>
        <translation>k3snetctl import: %1 ist kein k3snet-Projekt; als zu importierende Datei angeben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: cannot be read; nothing written</source>
        <translation>%1: kann nicht gelesen werden; nichts geschrieben</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>k3snetctl import: %1 is a k3snet project; give it as --base</source>
        <translation>k3snetctl import: %1 ist ein k3snet-Projekt; mit --base angeben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1; nothing written</source>
        <translation>%1; nichts geschrieben</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>pools: %1</source>
        <translation>Pools: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2Advertisements: %1</source>
        <translation>L2Advertisements: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>services: %1</source>
        <translation>Services: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nodes: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>namespaces: %1</source>
        <translation>Namespaces: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept objects: %1</source>
        <translation>behaltene Objekte: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote %1: %2 (%3)</source>
        <translation>%1 geschrieben: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/progressview.cpp" line="-85"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>NODE</source>
        <translation>KNOTEN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RESULT</source>
        <translation>ERGEBNIS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STEP</source>
        <translation>SCHRITT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UPLOADED</source>
        <translation>HOCHGELADEN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DETAILS</source>
        <translation>DETAILS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the agent said: %2</source>
        <translation>%1: der Agent meldete: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n node(s), all ok</source>
        <translation>
            <numerusform>%n Knoten, in Ordnung</numerusform>
            <numerusform>%n Knoten, alle in Ordnung</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 nodes failed</source>
        <translation>%1 von %2 Knoten fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 s</source>
        <translation>, %1 s</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/provisioncommand.cpp" line="-95"/>
        <source>Cancelling: nodes that were switched over are rolled back first. Press Ctrl-C again to quit at once.</source>
        <translation>Wird abgebrochen: umgeschaltete Knoten werden zuerst zurückgerollt. Erneut Strg-C drücken, um sofort zu beenden.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Read every node&apos;s agent status over SSH, in parallel (k3snet-agent status --json).
Exit status: 0 when every agent runs and is converged, 1 otherwise, 2 on usage errors.</source>
        <translation>Liest den Agent-Status jedes Knotens parallel über SSH (k3snet-agent status --json).
Exit-Status: 0 wenn jeder Agent läuft und konvergiert ist, sonst 1, 2 bei Aufruffehlern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove k3snet-agent from the project&apos;s nodes over SSH: stop it, remove its data plane (VXLAN
device, bridge, routes, NAT rules, CNI config) and every file it installed. K3s is left alone.
Exit status: 0 when every node is clean, 1 when a node failed, 2 on usage errors.</source>
        <translation>Entfernt k3snet-agent über SSH von den Knoten des Projekts: stoppt ihn, entfernt seine Datenebene
(VXLAN-Gerät, Bridge, Routen, NAT-Regeln, CNI-Konfiguration) und jede Datei, die er installiert hat.
K3s bleibt unberührt.
Exit-Status: 0 wenn jeder Knoten sauber ist, 1 wenn ein Knoten fehlschlug, 2 bei Aufruffehlern.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Only these nodes (comma-separated names).</source>
        <translation>Nur diese Knoten (durch Kommas getrennte Namen).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accept the host key of a host seen for the first time and record it in k3snet&apos;s known_hosts. A changed key is refused all the same.</source>
        <translation>Den Host-Schlüssel eines erstmals gesehenen Hosts annehmen und in die known_hosts von k3snet eintragen. Ein geänderter Schlüssel wird trotzdem abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nodes worked on at once (default 8).</source>
        <translation>Gleichzeitig bearbeitete Knoten (Vorgabe 8).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds to wait for a node to answer (default 10).</source>
        <translation>Sekunden, die auf die Antwort eines Knotens gewartet wird (Vorgabe 10).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Seconds the agent may take to converge before the node is rolled back (default 60).</source>
        <translation>Sekunden, die der Agent zum Konvergieren brauchen darf, bevor der Knoten zurückgerollt wird (Vorgabe 60).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the sudo password from the first line of standard input (for nodes without NOPASSWD, when there is no terminal).</source>
        <translation>Das sudo-Passwort aus der ersten Zeile der Standardeingabe lesen (für Knoten ohne NOPASSWD, wenn es kein Terminal gibt).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print the report as JSON on standard output (progress on standard error).</source>
        <translation>Den Bericht als JSON auf der Standardausgabe ausgeben (Fortschritt auf der Standardfehlerausgabe).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show every node&apos;s log as it happens.</source>
        <translation>Das Protokoll jedes Knotens laufend anzeigen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The project file (*.k3snet.yaml).</source>
        <translation>Die Projektdatei (*.k3snet.yaml).</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+16"/>
        <source>k3snetctl %1: %2</source>
        <translation>k3snetctl %1: %2</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>k3snetctl %1: %2 is Kubernetes YAML, not a k3snet project (k3snetctl import makes one)</source>
        <translation>k3snetctl %1: %2 ist Kubernetes-YAML, kein k3snet-Projekt (k3snetctl import macht eines daraus)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>k3snetctl %1: --sudo-password-stdin: standard input held no password line</source>
        <translation>k3snetctl %1: --sudo-password-stdin: die Standardeingabe enthielt keine Passwortzeile</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>k3snetctl %1: %2 (try --help)</source>
        <translation>k3snetctl %1: %2 (siehe --help)</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Install or update k3snet-agent on the project&apos;s nodes over SSH, in parallel: detect each node,
upload only what differs (agent for its architecture, its AgentConfig, the cluster key, the
service), verify it on the node (sha256), switch over atomically, start, and wait until the agent
reports converged; a node that does not converge is rolled back to what ran before.
Host keys are checked against ~/.ssh/known_hosts and k3snet&apos;s own file; an unknown host is asked
about on the terminal or accepted with --accept-new; a changed key is refused.
~/.ssh/config is read for each node&apos;s ssh.host (HostName, Port, User, IdentityFile); the
project&apos;s ssh.user and ssh.port, and --user and --port, win over it. Key passphrases and login
passwords are asked on the terminal, or through the program K3SNET_ASKPASS names (as SSH_ASKPASS).
Exit status: 0 when every node is ok, 1 when a node failed, 2 on usage or project errors,
130 when interrupted.</source>
        <translation>Installiert oder aktualisiert k3snet-agent parallel über SSH auf den Knoten des Projekts: erkennt
jeden Knoten, lädt nur hoch, was sich unterscheidet (Agent für seine Architektur, seine AgentConfig,
den Cluster-Schlüssel, den Dienst), prüft es auf dem Knoten (sha256), schaltet atomar um, startet
und wartet, bis der Agent meldet, dass er konvergiert ist; ein Knoten, der nicht konvergiert, wird
auf den vorherigen Stand zurückgerollt.
Host-Schlüssel werden mit ~/.ssh/known_hosts und der eigenen Datei von k3snet abgeglichen; bei einem
unbekannten Host wird im Terminal nachgefragt, oder er wird mit --accept-new angenommen; ein
geänderter Schlüssel wird abgelehnt.
~/.ssh/config wird für den ssh.host jedes Knotens gelesen (HostName, Port, User, IdentityFile);
ssh.user und ssh.port des Projekts sowie --user und --port haben Vorrang. Passphrasen für Schlüssel
und Login-Passwörter werden im Terminal abgefragt oder über das Programm, das K3SNET_ASKPASS nennt
(wie SSH_ASKPASS).
Exit-Status: 0 wenn jeder Knoten in Ordnung ist, 1 wenn ein Knoten fehlschlug, 2 bei Aufruf- oder
Projektfehlern, 130 bei Unterbrechung.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>SSH user for every node (default: the node&apos;s ssh.user, else the User of ~/.ssh/config, else yours).</source>
        <translation>SSH-Benutzer für jeden Knoten (Vorgabe: ssh.user des Knotens, sonst User aus ~/.ssh/config, sonst Ihr eigener).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SSH port for every node (default: the node&apos;s ssh.port, else the Port of ~/.ssh/config, else 22).</source>
        <translation>SSH-Port für jeden Knoten (Vorgabe: ssh.port des Knotens, sonst Port aus ~/.ssh/config, sonst 22).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Private key file, the only one tried (default: ssh-agent, then the IdentityFile of ~/.ssh/config, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa).</source>
        <translation>Private Schlüsseldatei, als einzige versucht (Vorgabe: ssh-agent, dann IdentityFile aus ~/.ssh/config, sonst ~/.ssh/id_ed25519, id_ecdsa, id_rsa).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read this SSH client configuration instead of ~/.ssh/config and /etc/ssh/ssh_config (&quot;none&quot;: none), as ssh -F.</source>
        <translation>Diese SSH-Client-Konfiguration statt ~/.ssh/config und /etc/ssh/ssh_config lesen („none“: keine), wie ssh -F.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Never ask anything: refuse unknown host keys, no passphrases or passwords (K3SNET_ASKPASS is not used either).</source>
        <translation>Nie nachfragen: unbekannte Host-Schlüssel ablehnen, keine Passphrasen oder Passwörter abfragen (auch K3SNET_ASKPASS wird nicht verwendet).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>give one project file</source>
        <translation>eine Projektdatei angeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown format &quot;%1&quot; (use text or json)</source>
        <translation>unbekanntes Format „%1“ (text oder json verwenden)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--jobs must be a number from 1 to 64</source>
        <translation>--jobs muss eine Zahl von 1 bis 64 sein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--connect-timeout must be a positive number of seconds</source>
        <translation>--connect-timeout muss eine positive Anzahl Sekunden sein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--health-timeout must be a positive number of seconds</source>
        <translation>--health-timeout muss eine positive Anzahl Sekunden sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--port must be a port number (1 to 65535)</source>
        <translation>--port muss eine Portnummer sein (1 bis 65535)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--ssh-config: cannot read %1</source>
        <translation>--ssh-config: %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: cannot be read</source>
        <translation>%1: kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created the cluster key %1 (mode 0600). Keep it with the project, out of version control.</source>
        <translation>Cluster-Schlüssel %1 angelegt (Modus 0600). Bewahren Sie ihn beim Projekt auf, außerhalb der Versionsverwaltung.</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/terminalprompter.cpp" line="-18"/>
        <source>The authenticity of %1 (%2 port %3) cannot be established.</source>
        <translation>Die Echtheit von %1 (%2 Port %3) kann nicht festgestellt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its %1 key fingerprint is %2.</source>
        <translation>Sein %1-Schlüssel hat den Fingerabdruck %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trust it and record it in %1? (yes/no/once) </source>
        <translation>Vertrauen und in %1 eintragen? (ja/nein/einmal) </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please type &quot;yes&quot;, &quot;no&quot; or &quot;once&quot;.</source>
        <translation>Bitte „ja“, „nein“ oder „einmal“ eingeben.</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/askpassprogram.cpp" line="+44"/>
        <source>K3SNET_ASKPASS: &quot;%1&quot; is not an executable program</source>
        <translation>K3SNET_ASKPASS: „%1“ ist kein ausführbares Programm</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>k3snetctl: cannot run the askpass program %1: %2</source>
        <translation>k3snetctl: das Askpass-Programm %1 kann nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/k3snet/main.cpp" line="+27"/>
        <source>See, design and run the network of a K3s cluster.</source>
        <translation>Das Netzwerk eines K3s-Clusters sehen, entwerfen und betreiben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A k3snet project (*.k3snet.yaml), or Kubernetes/MetalLB YAML to import.</source>
        <translation>Ein k3snet-Projekt (*.k3snet.yaml) oder zu importierendes Kubernetes-/MetalLB-YAML.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the demo cluster.</source>
        <translation>Den Demo-Cluster öffnen.</translation>
    </message>
</context>
</TS>
