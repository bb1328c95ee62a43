import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { District } from './district.entity';
import { Station } from './station.entity';

@Injectable()
export class OrgService {
  constructor(
    @InjectRepository(District) private readonly districts: Repository<District>,
    @InjectRepository(Station) private readonly stations: Repository<Station>,
  ) {}

  listDistricts(): Promise<District[]> {
    return this.districts.find({ order: { id: 'ASC' } });
  }

  listStations(): Promise<Station[]> {
    return this.stations.find({ order: { id: 'ASC' } });
  }

  findDistrict(id: number, em?: EntityManager): Promise<District | null> {
    return (em?.getRepository(District) ?? this.districts).findOneBy({ id });
  }

  /** Idempotent upsert by code, for the seed. */
  async ensureDistrict(code: string, name: string): Promise<District> {
    return (await this.districts.findOneBy({ code })) ?? this.districts.save({ code, name }, { transaction: false });
  }

  async ensureStation(code: string, name: string, districtId: number): Promise<Station> {
    return (
      (await this.stations.findOneBy({ code })) ??
      this.stations.save({ code, name, districtId }, { transaction: false })
    );
  }
}
