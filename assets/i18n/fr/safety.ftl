# Sauvegardes, restauration, fichier des têtes de chaîne et diagnostic (doctor).

cli-backup = Sauvegarde tout le registre (toutes les organisations) dans un fichier vérifié
cli-backup-out = Fichier ou dossier de la sauvegarde (par défaut : le dossier backups/ à côté du registre)
cli-restore = Remplace le registre par une sauvegarde, après l'avoir vérifiée ; l'ancien registre est gardé à côté
cli-restore-file = Le fichier de sauvegarde à restaurer
cli-restore-yes = Confirme la restauration (sans cette option, jatebo vérifie et dit seulement ce qu'il ferait)
cli-doctor = Explique l'état du fichier registre et de ce qui l'entoure, sans rien modifier

backup-done = Sauvegarde écrite et vérifiée : { $path } ({ $orgs } { $orgs ->
    [one] organisation
   *[other] organisations
}, { $entries } { $entries ->
    [one] écriture
   *[other] écritures
}, { $kib } Kio).
backup-pruned = Ancienne sauvegarde automatique supprimée : { $path }
backup-auto-failed = Attention : la sauvegarde automatique du jour n'a pas pu être faite ({ $detail }). Vos écritures sont enregistrées ; lancez « jatebo backup » quand le problème est réglé.
backup-auto-done = Sauvegarde automatique : { $path }

restore-backup-holds = La sauvegarde { $path } est intacte et contient : { $entries }.
restore-ledger-holds = Le registre actuel contient : { $entries }.
restore-no-ledger = Le registre actuel est absent ou illisible : la sauvegarde le remplacera.
restore-entries-lost = Attention : le registre actuel a des écritures que la sauvegarde n'a pas ({ $entries }). Elles ne seront plus dans le registre restauré, mais resteront dans l'ancien fichier gardé à côté.
restore-check-only = Rien n'a été changé. Pour restaurer, relancez la même commande avec --yes.
restore-done = Registre restauré : { $path }
restore-kept-aside = L'ancien registre est gardé sous : { $path }

safety-backup-damaged = La sauvegarde { $path } est endommagée ({ $problems } problèmes ; le premier : { $first }) : elle n'a pas été restaurée. Essayez une sauvegarde plus ancienne.
safety-backup-foreign = La sauvegarde { $path } contient les livres d'un autre registre (les organisations n'ont pas la même origine) : elle n'a pas été restaurée.
safety-exists = Le fichier { $path } existe déjà : jatebo n'écrase jamais un fichier. Choisissez un autre nom.
safety-restore-confirm = Confirmez la restauration avec --yes.
safety-restore-self = La sauvegarde et le registre sont le même fichier.
safety-ledger-in-use = Le registre { $path } est ouvert par un autre jatebo (une autre fenêtre, ou une autre session sur cet ordinateur) : il ne peut pas être remplacé pendant qu'il s'en sert. Fermez jatebo partout ailleurs, puis relancez la restauration. Rien n'a été changé.

head-org-missing = L'organisation { $org } était dans ce registre et n'y est plus.
head-other-genesis = L'organisation { $org } de ce fichier n'est pas celle que ce registre contenait : c'est le registre de quelqu'un d'autre.
head-behind = { $org } : ce registre a { $found } écritures alors qu'il en avait déjà { $known } : il manque les { $missing } dernières (fichier remis à une copie plus ancienne, ou tronqué).
head-rewritten = { $org } : l'écriture à la position { $position } de la chaîne n'est plus celle qui y était : la chaîne a été réécrite depuis.
head-audit-behind = Le journal des actions a { $found } enregistrements alors qu'il en avait déjà { $known } : le fichier a été remis à un état plus ancien.
head-audit-rewritten = L'enregistrement { $position } du journal des actions n'est plus celui qui y était.
verify-heads-file = Le fichier des têtes de chaîne à côté du registre est illisible ({ $detail }).

place-removable = Ce registre est sur un support amovible ({ $mount }, { $fs }) : s'il est retiré pendant une écriture, le fichier peut être endommagé. Gardez le registre sur le disque de l'ordinateur et utilisez la clé pour les sauvegardes.
place-network = Ce registre est sur un partage réseau ({ $mount }, { $fs }) : les verrous n'y sont pas fiables et deux ordinateurs peuvent l'endommager. Gardez-le sur le disque de l'ordinateur.
place-synced = Ce registre est dans un dossier synchronisé ({ $service }) : la synchronisation peut copier un fichier à moitié écrit ou ramener une ancienne version. Gardez-le hors de ce dossier ; synchronisez plutôt les sauvegardes.

doctor-missing = Aucun registre à { $path }.
doctor-file = Registre : { $path } ({ $bytes } octets).
doctor-permissions = Le registre est lisible par d'autres comptes de cet ordinateur (droits { $mode }) : seuls vous devriez pouvoir le lire (chmod 600).
doctor-wal = Un journal d'écriture (-wal, { $bytes } octets) est à côté du registre : il contient des écritures enregistrées pas encore recopiées dans le fichier principal. Ne le supprimez pas : jatebo le reprend à la prochaine ouverture.
doctor-in-use = Un autre jatebo a ce registre ouvert en ce moment (une autre fenêtre, ou une autre session sur cet ordinateur). Fermez-le avant de restaurer une sauvegarde.
doctor-journal = Un fichier -journal est à côté du registre : une écriture a été interrompue. Ne le supprimez pas : SQLite l'utilise pour remettre le registre dans son dernier état complet à la prochaine ouverture.
doctor-leftover = Fichier temporaire laissé par une opération interrompue : { $path } (il n'est pas le registre ; vous pouvez le supprimer vous-même après vérification).
doctor-replaced = Ancien registre gardé après une restauration : { $name }
doctor-unreadable = Le registre ne peut pas être lu : { $detail }. Restaurez une sauvegarde (jatebo restore FICHIER).
doctor-verified = Registre vérifié : { $orgs } { $orgs ->
    [one] organisation
   *[other] organisations
}, { $entries } { $entries ->
    [one] écriture
   *[other] écritures
}, chaînes intactes.
doctor-rolled-back = Le registre est en retard sur ce qu'il contenait déjà : il a été remplacé par une copie plus ancienne ou tronqué. Cherchez la copie la plus récente (sauvegardes, ancien fichier) avant d'enregistrer quoi que ce soit.
doctor-no-heads = Pas encore de fichier des têtes de chaîne (.heads) à côté du registre : il sera écrit à la prochaine écriture.
doctor-behind-backup = La sauvegarde { $backup } est plus avancée que le registre : { $detail }
doctor-no-backup = Aucune sauvegarde dans le dossier backups/ du registre : lancez « jatebo backup ».
doctor-backups = { $count ->
    [one] Une sauvegarde
   *[other] { $count } sauvegardes
} ; la plus récente : { $newest } ({ $at } { $time }).
doctor-verdict-ok = Diagnostic : rien d'anormal. (jatebo doctor ne modifie ni ne supprime jamais rien.)
doctor-verdict-problems = Diagnostic : des problèmes ci-dessus demandent votre attention. (jatebo doctor ne modifie ni ne supprime jamais rien.)
heads-warning = Attention : ce registre est en retard sur ce qu'il contenait déjà ({ $detail }). Lancez « jatebo doctor » avant d'enregistrer quoi que ce soit.
heads-banner = Registre en retard sur ce qu'il contenait déjà : { $detail } — voir « jatebo doctor ».
cli-doctor-accept = Accepte le registre tel qu'il est après un retard constaté (aucune copie plus récente) : l'ancien fichier des têtes est gardé à côté ; réservé à l'administrateur
doctor-accepted = Registre accepté tel qu'il est ; l'ancien fichier des têtes de chaîne est gardé sous { $path }. La décision est inscrite au journal des actions.
doctor-nothing-to-accept = Le registre n'est pas en retard sur son fichier des têtes : rien à accepter.

cli-confirm-date = Confirme la date du jour quand l'horloge de l'ordinateur paraît fausse (avant la dernière opération enregistrée, ou invraisemblable) ; inscrit au journal des actions
clock-behind = L'horloge de l'ordinateur indique le { $now }, avant la dernière opération enregistrée (le { $last } à { $last_time } UTC) : elle a sans doute été remise à zéro (coupure de courant, pile vide). Rien n'a été enregistré. Réglez la date de l'ordinateur, ou confirmez la date du jour : ajoutez --confirm-date JJ/MM/AAAA (dans l'écran, la date est demandée).
clock-implausible = L'horloge de l'ordinateur indique le { $now }, une date invraisemblable : elle a sans doute été remise à zéro. Rien n'a été enregistré. Réglez la date de l'ordinateur, ou confirmez la date du jour : ajoutez --confirm-date JJ/MM/AAAA.
clock-far-ahead = L'horloge de l'ordinateur indique le { $now }, plus d'un an après la dernière opération enregistrée (le { $last }) : vérifiez-la. Rien n'a été enregistré. Réglez la date de l'ordinateur, ou confirmez la date du jour : ajoutez --confirm-date JJ/MM/AAAA.
clock-date-refused = La date confirmée ({ $date }) est avant la dernière opération enregistrée, ou hors des années acceptées : indiquez la vraie date du jour.
error-sync-failed-key = Clé de cette écriture : { $key } — pour réessayer sans risque de doublon, ajoutez --key { $key }.
tui-clock-title = Date du jour à confirmer
tui-clock-field = Date du jour (JJ/MM/AAAA)
tui-clock-help = Entrée : confirmer (inscrit au journal des actions) · Échap : plus tard (rien ne sera enregistré)
tui-clock-confirmed = Date du jour confirmée : { $date }. Les écritures peuvent être enregistrées.
