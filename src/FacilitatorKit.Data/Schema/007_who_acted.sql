-- Schema 7: each stored event says who acted (issue 12 §4): the role the command was sent in and the device it came
-- from, never a name. Earlier events, and work done outside any device, leave them NULL. The log stays append-only
-- (schema 3): adding a column changes no event.
ALTER TABLE "MeetingEvents" ADD COLUMN "ActorRole" TEXT NULL;
ALTER TABLE "MeetingEvents" ADD COLUMN "DeviceId" TEXT NULL;
