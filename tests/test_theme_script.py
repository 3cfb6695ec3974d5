"""The address of Material's script, read from what its template block `scripts` writes (macros/site.py
`theme_script`), for the loader in overrides/main.html."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from macros.site import theme_script

pytestmark = pytest.mark.unit


def test_reads_the_address_of_the_one_script():
    block = '\n      <script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n      \n    '
    assert theme_script(block) == "../assets/javascripts/bundle.a5f9d56c.min.js"


@pytest.mark.parametrize("block", ["", '<script src="a.js"></script><script src="b.js"></script>',
                                   '<script defer src="a.js"></script>'])
def test_a_block_written_otherwise_stops_the_build_with_what_to_check(block):
    with pytest.raises(PluginError, match="overrides/main.html"):
        theme_script(block)
