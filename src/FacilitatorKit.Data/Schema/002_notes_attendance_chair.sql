-- Schema 2: notes (versioned), attendance, the chair history, and per-group settings.
ALTER TABLE "Groups" ADD COLUMN "SoftChime" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Groups" ADD COLUMN "LastFormatName" TEXT NULL;

CREATE TABLE "Notes" (
    "MeetingId" TEXT NOT NULL,
    "ItemNumber" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_Notes" PRIMARY KEY ("MeetingId", "ItemNumber"),
    CONSTRAINT "FK_Notes_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Attendance" (
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    CONSTRAINT "PK_Attendance" PRIMARY KEY ("MeetingId", "MemberId"),
    CONSTRAINT "FK_Attendance_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attendance_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ChairHistory" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ChairHistory" PRIMARY KEY AUTOINCREMENT,
    "GroupId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MeetingId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Change" TEXT NOT NULL,
    CONSTRAINT "FK_ChairHistory_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ChairHistory_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ChairHistory_Members_MemberId" FOREIGN KEY ("MemberId") REFERENCES "Members" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Attendance_MemberId" ON "Attendance" ("MemberId");
CREATE INDEX "IX_ChairHistory_GroupId_At" ON "ChairHistory" ("GroupId", "At");
CREATE INDEX "IX_ChairHistory_MeetingId" ON "ChairHistory" ("MeetingId");
CREATE INDEX "IX_ChairHistory_MemberId" ON "ChairHistory" ("MemberId");
