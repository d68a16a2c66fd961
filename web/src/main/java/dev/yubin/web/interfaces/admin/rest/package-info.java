/** The admin REST API under /api/admin, protected by the admin credential (HTTP Basic). */
package dev.yubin.web.interfaces.admin.rest;
