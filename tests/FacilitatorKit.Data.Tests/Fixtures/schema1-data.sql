-- Data as schema 1 stored it: a closed group, two members, a format, a meeting with two logged events.
INSERT INTO "Groups" ("Id", "Name", "Kind", "PlannedSessions", "CreatedAt")
VALUES ('8E1E5B8C-6C55-4C42-9E52-1B0C8B0E7A01', 'Tuesday circle', 'Closed', 8, 637000000000000000);
INSERT INTO "Members" ("Id", "GroupId", "Name", "VolunteersForChair", "Enrolled", "HasLeft", "JoinedAt")
VALUES ('5B0C1E2D-0A0B-4C0D-8E0F-101112131415', '8E1E5B8C-6C55-4C42-9E52-1B0C8B0E7A01', 'Ana', 1, 1, 0, 637000000000000000),
       ('6C1D2E3F-1B1C-4D1E-9F10-212223242526', '8E1E5B8C-6C55-4C42-9E52-1B0C8B0E7A01', '<b>Sam</b>', 0, 1, 0, 637000000100000000);
INSERT INTO "Formats" ("Name", "Json", "BuiltIn") VALUES ('Short check-in', '{"name":"Short check-in"}', 1);
INSERT INTO "Meetings" ("Id", "GroupId", "Number", "FormatName", "Phase", "CreatedAt", "StartedAt", "EndedAt", "LastSequence")
VALUES ('A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF', '8E1E5B8C-6C55-4C42-9E52-1B0C8B0E7A01', 1, 'Short check-in', 'Running', 637000000000000000, 637000000000000000, NULL, 2);
INSERT INTO "MeetingEvents" ("MeetingId", "Sequence", "CommandId", "Type", "Data", "RecordedAt")
VALUES ('A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF', 1, '11111111-2222-3333-4444-555555555555', 'MeetingStarted', '{"at":"2026-11-22T19:00:00+00:00"}', 637000000000000000),
       ('A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF', 2, '11111111-2222-3333-4444-555555555556', 'MeetingEnded', '{"at":"2026-11-22T20:00:00+00:00"}', 637000000000000000);
