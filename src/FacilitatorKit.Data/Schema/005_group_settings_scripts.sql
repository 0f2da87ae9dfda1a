-- Schema 5: what each group reads at the opening. NULL reads the app's default wording; an empty text is not read.
ALTER TABLE "Groups" ADD COLUMN "GroundRules" TEXT NULL;
ALTER TABLE "Groups" ADD COLUMN "Confidentiality" TEXT NULL;
ALTER TABLE "Groups" ADD COLUMN "Assumptions" TEXT NULL;
