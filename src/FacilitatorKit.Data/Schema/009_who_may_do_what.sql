-- Schema 9: who may do what (issue 12). Facilitators sign in with an alias and a passphrase (only its hash is kept);
-- devices come in by invites scoped to one meeting (only the token's hash is kept). An account of one group goes
-- with its group; invites and their devices go with their meeting.
CREATE TABLE "FacilitatorAccounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FacilitatorAccounts" PRIMARY KEY,
    "Alias" TEXT COLLATE NOCASE NOT NULL,
    "PassphraseHash" TEXT NOT NULL,
    "GroupId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_FacilitatorAccounts_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_FacilitatorAccounts_Alias" ON "FacilitatorAccounts" ("Alias");
CREATE INDEX "IX_FacilitatorAccounts_GroupId" ON "FacilitatorAccounts" ("GroupId");

CREATE TABLE "Invites" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invites" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "EndsAt" INTEGER NULL,
    "WithdrawnAt" INTEGER NULL,
    CONSTRAINT "FK_Invites_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_Invites_MeetingId" ON "Invites" ("MeetingId");
CREATE UNIQUE INDEX "IX_Invites_TokenHash" ON "Invites" ("TokenHash");

CREATE TABLE "InvitedDevices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InvitedDevices" PRIMARY KEY,
    "InviteId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "JoinedAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    CONSTRAINT "FK_InvitedDevices_Invites_InviteId" FOREIGN KEY ("InviteId") REFERENCES "Invites" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_InvitedDevices_InviteId" ON "InvitedDevices" ("InviteId");
