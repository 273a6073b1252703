"""Process tuning shared by the faces and the workers: thread/process priorities and
pauses of the garbage collector around long writes. No domain logic lives here."""
