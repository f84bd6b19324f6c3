// Stylesheets imported by components (ours and NutUI's) mean nothing to jsdom.
module.exports = {};
