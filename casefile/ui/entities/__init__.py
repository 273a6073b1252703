"""The entities GUI (issue 12): the navigator's Entities view, the entity page, "Tag as
entity…" on a selection, mentions coloured in the viewer, the suggestion queue and the
network view. `install.install_entities` attaches it all to an open case's view."""
