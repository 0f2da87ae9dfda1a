-- Schema 1: groups, members, formats, meetings and the append-only meeting log.
CREATE TABLE "Formats" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Formats" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "BuiltIn" INTEGER NOT NULL
);

CREATE TABLE "Groups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Groups" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PlannedSessions" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "Meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY,
    "GroupId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "FormatName" TEXT NOT NULL,
    "Phase" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "EndedAt" INTEGER NULL,
    "LastSequence" INTEGER NOT NULL,
    CONSTRAINT "FK_Meetings_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Members" PRIMARY KEY,
    "GroupId" TEXT NOT NULL,
    "Name" TEXT COLLATE NOCASE NOT NULL,
    "VolunteersForChair" INTEGER NOT NULL,
    "Enrolled" INTEGER NOT NULL,
    "HasLeft" INTEGER NOT NULL,
    "JoinedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Members_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeetingEvents" (
    "MeetingId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "CommandId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_MeetingEvents" PRIMARY KEY ("MeetingId", "Sequence"),
    CONSTRAINT "FK_MeetingEvents_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Formats_Name" ON "Formats" ("Name");
CREATE INDEX "IX_MeetingEvents_MeetingId_CommandId" ON "MeetingEvents" ("MeetingId", "CommandId");
CREATE UNIQUE INDEX "IX_Meetings_GroupId_Number" ON "Meetings" ("GroupId", "Number");
CREATE UNIQUE INDEX "IX_Members_GroupId_Name" ON "Members" ("GroupId", "Name");
