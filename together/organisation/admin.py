from django.contrib import admin

from .models import Region, ServiceArea, Team, TeamMembership


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]


@admin.register(ServiceArea)
class ServiceAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "region", "in_prioritisation"]
    list_filter = ["region", "in_prioritisation"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "service_area", "kind"]
    list_filter = ["kind", "service_area__region"]


@admin.register(TeamMembership)
class TeamMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "team", "started_on", "ended_on"]
    raw_id_fields = ["user", "team"]
